package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentVerified;

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

    /**
     * The window before is read from each bucket's totals, not its leaves: it must weigh what the window itself would,
     * through amendments of type and date, verification, retraction and organisations the reader may not count.
     */
    @Test
    void theWindowBeforeWeighsItsIncidentsAsTheWindowItselfDoes() {
        projection.on(RiskEvents.about("i-1").ofType("DEATH").on("2026-10-06").incidentReported(), 0);
        projection.on(RiskEvents.about("i-2").ofType("ROBBERY").on("2026-10-20").incidentReported(), 0);
        projection.on(new IncidentVerified("i-2", null), 1);
        projection.on(RiskEvents.about("i-3").ofType("EXTORTION").on("2026-10-28").incidentReported(), 0);
        projection.on(RiskEvents.about("i-3").typeChangedTo("DISCRIMINATION_OR_XENOPHOBIA"), 1);
        projection.on(RiskEvents.about("i-4").ofType("ACCIDENT").on("2026-11-20").incidentReported(), 0);
        projection.on(RiskEvents.about("i-4").movedTo("2026-10-14"), 1);
        projection.on(RiskEvents.about("i-5").ofType("DEATH").on("2026-10-15").incidentReported(), 0);
        projection.on(new IncidentRetracted("i-5", null), 1);
        projection.on(RiskEvents.about("i-6").ofType("SOMETHING_NEW").on("2026-10-30").incidentReported(), 0);
        projection.on(RiskEvents.about("i-7").of("org-b").on("2026-10-21").incidentReported(), 0);
        projection.on(RiskEvents.about("i-8").of("org-b").sharedWith("PUBLIC").ofType("DEATH").on("2026-10-08")
                .incidentReported(), 0);
        projection.on(RiskEvents.about("i-9").on("2026-11-10").incidentReported(), 0);
        projection.on(RiskEvents.about("i-10").of("org-b").on("2026-11-11").incidentReported(), 0);

        for (String organisation : new String[] {"org-a", "org-b"}) {
            RiskReader analyst = RiskReader.of(buckets, organisation, Role.ANALYST);
            Map<String, Object> trend = analyst.trend("jungle");
            Map<String, Object> windowBefore = analyst.totalBetween("jungle", "2026-10-05", "2026-11-01");

            assertThat(trend.get("previousIncidents")).as(organisation)
                    .isEqualTo(RiskReader.incidents(windowBefore));
            assertThat(trend.get("previousRiskIndex")).as(organisation).isEqualTo(windowBefore.get("riskIndex"));
        }
        assertThat(RiskReader.of(buckets, "org-a", Role.ANALYST).trend("jungle").get("previousIncidents"))
                .as("i-1 to i-4 and i-6").isEqualTo(5L);
        assertThat(RiskReader.of(buckets, "org-b", Role.ANALYST).trend("jungle").get("previousIncidents"))
                .as("i-7 and i-8").isEqualTo(2L);
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
