package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Role;

/**
 * A segment's trend sets its window against the window of the same length just before it (here November's four weeks
 * against the four weeks to 1 November), counting in the window before only what the reader may see, as in the window
 * itself.
 */
class TrendAgainstTheWindowBeforeTest {

    private EmbeddedMongo mongo;
    private RiskBuckets buckets;
    private RiskProjection projection;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        buckets = new RiskBuckets(mongo.database());
        projection = new RiskProjection(buckets);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void theTrendCountsTheIncidentsOfTheWindowBefore() {
        projection.on(RiskEvents.about("i-1").on("2026-10-12").incidentReported(), 0);
        projection.on(RiskEvents.about("i-2").on("2026-10-27").incidentReported(), 0);
        projection.on(RiskEvents.about("i-3").on("2026-11-04").incidentReported(), 0);
        projection.on(RiskEvents.about("i-4").on("2026-10-01").incidentReported(), 0);

        Map<String, Object> trend = RiskReader.of(buckets, "org-a", Role.ANALYST).trend("jungle");

        assertThat(trend.get("previousIncidents")).as("5 October to 1 November").isEqualTo(2L);
        assertThat((Double) trend.get("previousRiskIndex")).isPositive();
        assertThat(trend.get("direction")).isEqualTo("FALLING");
    }

    @Test
    void anotherOrganisationsOwnIncidentsStayOutOfTheWindowBefore() {
        projection.on(RiskEvents.about("i-1").of("org-b").sharedWith("ORGANISATION").on("2026-10-12")
                .incidentReported(), 0);
        projection.on(RiskEvents.about("i-2").of("org-b").sharedWith("ORGANISATION").on("2026-11-10")
                .incidentReported(), 0);
        projection.on(RiskEvents.about("i-3").of("org-a").on("2026-11-10").incidentReported(), 0);

        assertThat(RiskReader.of(buckets, "org-a", Role.ANALYST).trend("jungle").get("previousIncidents"))
                .isEqualTo(0L);
        assertThat(RiskReader.of(buckets, "org-b", Role.ANALYST).trend("jungle").get("previousIncidents"))
                .isEqualTo(1L);
    }
}
