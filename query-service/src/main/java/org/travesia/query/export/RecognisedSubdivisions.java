package org.travesia.query.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ISO 3166-2 subdivisions of every country (shipped as {@value #RESOURCE}, from Debian's iso-codes), to decide
 * whether a recorded {@code admin1} names a real subdivision. {@code admin1} is free text (up to 200 characters): it
 * may hold a farm, a shelter or a person's name, so the public gets it only when it is the name or the code of a
 * subdivision of the incident's country, and then in the list's own spelling. Matching ignores case, accents,
 * punctuation and spacing: {@code darien}, {@code DARIÉN} and {@code PA-5} are all {@code Darién}.
 */
final class RecognisedSubdivisions {

    static final String RESOURCE = "iso-3166-2.tsv";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Map<String, Map<String, String>> BY_COUNTRY = load();

    private RecognisedSubdivisions() {
    }

    /** The canonical name of the subdivision of {@code country} that {@code admin1} names or codes, if any. */
    static Optional<String> canonical(String country, String admin1) {
        if (country == null || admin1 == null) {
            return Optional.empty();
        }
        Map<String, String> subdivisions = BY_COUNTRY.getOrDefault(country.toUpperCase(Locale.ROOT), Map.of());
        return Optional.ofNullable(subdivisions.get(key(admin1)));
    }

    /** Lower case, without accents, with every run of anything but letters and digits as one space. */
    static String key(String text) {
        String unaccented = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> byCountry = new HashMap<>();
        try (InputStream in = RecognisedSubdivisions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The subdivision list " + RESOURCE + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                String code = columns[0];
                String name = columns[1];
                Map<String, String> country = byCountry.computeIfAbsent(code.substring(0, code.indexOf('-')),
                        c -> new HashMap<>());
                // Two subdivisions may share a name (a province and its region); the first listed keeps it.
                country.putIfAbsent(key(name), name);
                country.putIfAbsent(key(code), name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byCountry.replaceAll((country, subdivisions) -> Map.copyOf(subdivisions));
        return Map.copyOf(byCountry);
    }
}
