package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.incident.IncidentVerified;

/**
 * Every counter of a leaf reaches its own figure in the view, now that the buckets are read from their bytes into
 * arrays ({@link BucketBytes}): the incidents by type, the people dead, missing and injured, and the incidents that
 * left each unknown. Three reports name the dead and leave the missing and the injured unknown; one is amended to name
 * the missing too, and one is verified.
 */
class EveryCounterReachesTheViewTest {

    private static EmbeddedMongo mongo;
    private static RiskReader reader;

    @BeforeAll
    static void project() {
        mongo = EmbeddedMongo.inMemory();
        RiskBuckets buckets = new RiskBuckets(mongo.database());
        RiskProjection projection = new RiskProjection(buckets);
        RiskEvents first = RiskEvents.about("i-1").of("org-a").on("2026-11-18");
        projection.on(first.incidentReported(), 0);
        projection.on(RiskEvents.about("i-2").of("org-a").on("2026-11-18").incidentReported(), 0);
        projection.on(RiskEvents.about("i-3").of("org-a").on("2026-11-19").ofType("DEATH").incidentReported(), 0);
        projection.on(first.affectedChangedTo(5, 1, null), 1);
        projection.on(new IncidentVerified("i-2", null), 1);
        reader = RiskReader.of(buckets, "org-a", Role.MONITOR);
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void theIncidentsArriveByTypeAndThePeopleWithTheirUnknownsApart() {
        Map<String, Object> week = reader.week("jungle", "2026-11-16");

        Map<String, Object> incidents = RiskReader.part(week, "incidents");
        assertThat(incidents.get("total")).isEqualTo(3L);
        assertThat(RiskReader.<Map<String, Object>>part(incidents, "unverified"))
                .containsEntry("DEATH", 1L).containsEntry("KIDNAPPING", 1L).hasSize(2);
        assertThat(RiskReader.<Map<String, Object>>part(incidents, "verified"))
                .containsEntry("KIDNAPPING", 1L).hasSize(1);
        Map<String, Object> people = RiskReader.part(week, "people");
        assertThat(people).containsEntry("dead", 9L).containsEntry("missing", 1L).containsEntry("injured", 0L);
        assertThat(RiskReader.<Map<String, Object>>part(people, "unknownIn"))
                .containsEntry("dead", 0L).containsEntry("missing", 2L).containsEntry("injured", 3L);
        assertThat((Double) week.get("riskIndex")).isPositive();
    }
}
