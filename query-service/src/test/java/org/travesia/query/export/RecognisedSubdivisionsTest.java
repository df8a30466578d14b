package org.travesia.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
    void theListCoversEveryCountryOfTheAmericasThatHasSubdivisions() {
        for (String country : AMERICAS) {
            assertThat(RecognisedSubdivisions.countries()).as(country).contains(country);
        }
        assertThat(RecognisedSubdivisions.countries()).as("and the rest of the world").hasSizeGreaterThan(190);
    }
}
