package org.travesia.kernel.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.EventCatalogue;

/**
 * Events hold plain fields only (strings, numbers, booleans, lists of them, and nested records of the same kind) and
 * nothing in them validates: any field may be null, so an event recorded under other rules is always read back.
 */
class PlainPayloadTest {

    private static final Set<Class<?>> PLAIN = Set.of(String.class, Integer.class, Long.class, Double.class,
            Boolean.class);

    @Test
    void everyEventHoldsOnlyPlainFields() {
        List<String> notPlain = new ArrayList<>();
        for (Class<?> record : recordsOfEveryEvent()) {
            for (RecordComponent component : record.getRecordComponents()) {
                if (!isPlain(component.getGenericType())) {
                    notPlain.add(record.getSimpleName() + "." + component.getName() + ": " + component.getGenericType());
                }
            }
        }
        assertThat(notPlain).isEmpty();
    }

    @Test
    void everyEventAndEveryRecordInItAcceptsNullInEveryField() {
        for (Class<?> record : recordsOfEveryEvent()) {
            Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            assertThatCode(() -> {
                Constructor<?> canonical = record.getDeclaredConstructor(types);
                canonical.newInstance(new Object[types.length]);
            }).as(record.getName()).doesNotThrowAnyException();
        }
    }

    private static boolean isPlain(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return isPlain(list.getActualTypeArguments()[0]);
        }
        return type instanceof Class<?> c && (PLAIN.contains(c) || c.isRecord());
    }

    /** Every event record, and every record nested in one, once each. */
    private static Set<Class<?>> recordsOfEveryEvent() {
        Set<Class<?>> found = new LinkedHashSet<>();
        EventCatalogue.EVENTS.forEach(event -> collect(event, found));
        return found;
    }

    private static void collect(Class<?> record, Set<Class<?>> found) {
        if (!found.add(record)) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            Type type = component.getGenericType();
            if (type instanceof ParameterizedType list) {
                type = list.getActualTypeArguments()[0];
            }
            if (type instanceof Class<?> nested && nested.isRecord()) {
                collect(nested, found);
            }
        }
    }
}
