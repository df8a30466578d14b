package org.travesia.kernel.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.taxonomy.Taxonomy;

class TaxonomyTest {

    @Test
    void everyCodeHasAnEnglishAndASpanishLabel() {
        Taxonomy taxonomy = Taxonomy.current();
        assertThat(taxonomy.incidentTypes()).hasSizeGreaterThanOrEqualTo(18);
        assertThat(taxonomy.causesOfDeath()).hasSize(7);
        assertThat(taxonomy.sourceQualities()).extracting(Taxonomy.Entry::code).containsExactly("1", "2", "3", "4", "5");
        for (var list : java.util.List.of(taxonomy.incidentTypes(), taxonomy.accidentSubtypes(), taxonomy.perpetrators(),
                taxonomy.causesOfDeath(), taxonomy.sourceTypes(), taxonomy.timePrecisions(), taxonomy.locationPrecisions())) {
            assertThat(list).allSatisfy(entry -> {
                assertThat(entry.en()).isNotBlank();
                assertThat(entry.es()).isNotBlank();
            });
        }
    }
}
