package org.travesia.command.importing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names as MMP writes them (the United Nations' official short names: "Türkiye", "Iran (Islamic Republic
 * of)") to ISO 3166-1 alpha-2 codes: the JDK's English names of every code, plus the UN names that differ from them.
 * Compared without regard to case, accents or punctuation. A name found in neither is not guessed: the import keeps
 * MMP's text and records no country.
 */
final class MmpCountries {

    private static final Map<String, String> UN_NAMES = Map.ofEntries(
            Map.entry("United States of America", "US"),
            Map.entry("Türkiye", "TR"),
            Map.entry("United Kingdom of Great Britain and Northern Ireland", "GB"),
            Map.entry("Iran (Islamic Republic of)", "IR"),
            Map.entry("Syrian Arab Republic", "SY"),
            Map.entry("United Republic of Tanzania", "TZ"),
            Map.entry("Democratic Republic of the Congo", "CD"),
            Map.entry("Congo", "CG"),
            Map.entry("Russian Federation", "RU"),
            Map.entry("Venezuela (Bolivarian Republic of)", "VE"),
            Map.entry("Bolivia (Plurinational State of)", "BO"),
            Map.entry("Republic of Korea", "KR"),
            Map.entry("Viet Nam", "VN"),
            Map.entry("Lao People's Democratic Republic", "LA"),
            Map.entry("Republic of Moldova", "MD"),
            Map.entry("Côte d'Ivoire", "CI"),
            Map.entry("Czechia", "CZ"),
            Map.entry("North Macedonia", "MK"),
            Map.entry("State of Palestine", "PS"),
            Map.entry("Cabo Verde", "CV"),
            Map.entry("Eswatini", "SZ"),
            Map.entry("Myanmar", "MM"),
            Map.entry("Libya", "LY"),
            Map.entry("Gambia", "GM"),
            Map.entry("Bahamas", "BS"),
            Map.entry("Netherlands (Kingdom of the)", "NL"));

    private static final Map<String, String> BY_NAME = byName();

    private MmpCountries() {
    }

    /** The alpha-2 code of an MMP country name, or null when the name is empty or not recognised. */
    static String code(String name) {
        return name == null || name.isBlank() ? null : BY_NAME.get(normalise(name));
    }

    private static Map<String, String> byName() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            names.put(normalise(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
        }
        UN_NAMES.forEach((name, code) -> names.put(normalise(name), code));
        return Map.copyOf(names);
    }

    private static String normalise(String name) {
        String withoutAccents = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
