package org.travesia.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** admin1 reaches the public only as a subdivision of the incident's country, in the shipped list's own spelling. */
class RecognisedSubdivisionsTest {

    /** Every country and territory of the Americas that ISO 3166-2 divides into subdivisions. */
    private static final List<String> AMERICAS = List.of("AG", "AR", "BB", "BO", "BR", "BS", "BZ", "CA", "CL", "CO",
            "CR", "CU", "DM", "DO", "EC", "GD", "GT", "GY", "HN", "HT", "JM", "KN", "LC", "MX", "NI", "PA", "PE", "PY",
            "SR", "SV", "TT", "US", "UY", "VC", "VE");

    @Test
    void aSubdivisionIsRecognisedByNameOrCodeWhateverItsCaseAccentsOrPunctuation() {
        for (String written : List.of("Darién", "darien", "DARIÉN", "  Darien ", "PA-5", "pa 5")) {
            assertThat(RecognisedSubdivisions.canonical("PA", written)).as(written).hasValue("Darién");
        }
        assertThat(RecognisedSubdivisions.canonical("PA", "ngobe bugle")).hasValue("Ngöbe-Buglé");
        assertThat(RecognisedSubdivisions.canonical("CO", "Choco")).hasValue("Chocó");
        assertThat(RecognisedSubdivisions.canonical("MX", "chiapas")).hasValue("Chiapas");
    }

    @Test
    void anythingElseIsNotRecognised() {
        assertThat(RecognisedSubdivisions.canonical("PA", "Finca de Juan Pérez, 3 km past the bridge")).isEmpty();
        assertThat(RecognisedSubdivisions.canonical("PA", "5")).as("a code without its country").isEmpty();
        assertThat(RecognisedSubdivisions.canonical("PA", "Antioquia")).as("another country's").isEmpty();
        assertThat(RecognisedSubdivisions.canonical("PA", "")).isEmpty();
        assertThat(RecognisedSubdivisions.canonical(null, "Darién")).as("no country, at sea").isEmpty();
        assertThat(RecognisedSubdivisions.canonical("PA", null)).isEmpty();
    }

    @Test
    void everySubdivisionListedIsRecognisedByItsCodeAndTheListCoversTheAmericas() throws IOException {
        Set<String> countries = new HashSet<>();
        int subdivisions = 0;
        try (InputStream in = RecognisedSubdivisions.class.getResourceAsStream(RecognisedSubdivisions.RESOURCE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                String country = columns[0].substring(0, 2);
                countries.add(country);
                subdivisions++;
                assertThat(RecognisedSubdivisions.canonical(country, columns[0])).as(line).hasValue(columns[1]);
                assertThat(RecognisedSubdivisions.canonical(country, columns[1])).as(line).isPresent();
            }
        }
        assertThat(countries).containsAll(AMERICAS).as("and the rest of the world").hasSizeGreaterThan(190);
        assertThat(subdivisions).isEqualTo(5127);
    }
}
