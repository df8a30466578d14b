package org.travesia.kernel.common;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
public final class Countries {

    private static final Set<String> ISO_ALPHA_2 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private Countries() {
    }

    public static boolean isIsoAlpha2(String code) {
        return code != null && ISO_ALPHA_2.contains(code);
    }

    /** Returns the code if it is a known alpha-2 code (upper case), else throws with {@code country.unknown}. */
    public static String requireIsoAlpha2(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException(field, "field.required");
        }
        if (!isIsoAlpha2(code)) {
            throw new InvalidValueException(field, "country.unknown", code);
        }
        return code;
    }
}
