package org.travesia.kernel.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads taxonomy codes (enum names) as clients and stored events carry them: as strings. An unknown code is a
 * violation of its field ({@code enum.unknown}, naming the allowed codes), never an exception that hides the others.
 */
public final class Codes {

    private Codes() {
    }

    public static <E extends Enum<E>> E parse(Violations v, String field, String value, Class<E> type,
                                              boolean required) {
        if (value == null) {
            if (required) {
                v.add(field, "field.required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            v.add(field, "enum.unknown", allowed(type));
            return null;
        }
    }

    /**
     * Every code of a list, each refused one reported with its index. The length is checked first: a list over
     * {@code max} entries is refused as a whole, without looking at a single entry.
     */
    public static <E extends Enum<E>> List<E> parseAll(Violations v, String field, List<String> values,
                                                       Class<E> type, int max) {
        List<E> parsed = new ArrayList<>();
        if (values == null) {
            return parsed;
        }
        if (values.size() > max) {
            v.add(field, "list.too-long", max);
            return parsed;
        }
        for (int i = 0; i < values.size(); i++) {
            E value = parse(v, field + "[" + i + "]", values.get(i), type, true);
            if (value != null) {
                parsed.add(value);
            }
        }
        return parsed;
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
