package org.travesia.kernel.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.taxonomy.SourceType;

class CorroborationTest {

    private static IncidentFacts.Source source(SourceType type, int quality) {
        return new IncidentFacts.Source(type.name(), quality, null);
    }

    @Test
    void theBestSourceCounts() {
        assertThat(Corroboration.effectiveQuality(List.of(source(SourceType.MEDIA, 1),
                source(SourceType.PARTNER_ORGANISATION, 4)))).isEqualTo(4);
        assertThat(Corroboration.effectiveQuality(List.of())).isNull();
    }

    @Test
    void twoMediaReportsAreMultipleMediaReports() {
        assertThat(Corroboration.effectiveQuality(List.of(source(SourceType.MEDIA, 1), source(SourceType.MEDIA, 1))))
                .isEqualTo(3);
    }

    @Test
    void twoHumanitarianActorsWithDirectKnowledgeReachTheTopOfTheScale() {
        assertThat(Corroboration.effectiveQuality(List.of(source(SourceType.PARTNER_ORGANISATION, 4),
                source(SourceType.DIRECT_TESTIMONY, 4)))).isEqualTo(5);
    }
}
