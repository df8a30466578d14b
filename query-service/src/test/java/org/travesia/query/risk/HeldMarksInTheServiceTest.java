package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

import com.mongodb.client.model.Filters;

/**
 * Route-risk's tracking processor, as the service wires it, hands its batches their segment, so that the marks a
 * batch settles wait for a later batch's update of their bucket ({@link HeldMarksTest}): an incident's mark on a day
 * that no later batch updates is still there after the next batch, and its mark on the week that batch updated is
 * gone. Settled in their own batch, as a unit of work without a segment does, none of them would be left.
 */
class HeldMarksInTheServiceTest {

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private RunningService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        mongo.close();
    }

    @Test
    void theProcessorsBatchesHoldTheMarksTheySettle() {
        // one segment, as ./ops/run gives the embedded store: both incidents' events in it
        service = RunningService.start(QueryServiceApplication.builder(), mongo.uri(),
                "travesia.processing.segments=1");

        report(RiskEvents.about("incident-a").on("2026-11-18").incidentReported());
        awaitState("incident-a");
        report(RiskEvents.about("incident-b").on("2026-11-19").incidentReported());
        awaitState("incident-b");

        String mark = RiskBuckets.incidentMark("incident-a");
        assertThat(RiskDocuments.mark(mongo.database(), RiskPeriod.DAY, "2026-11-18", mark))
                .as("a's day, which b's batch did not update").isEqualTo(0L);
        assertThat(RiskDocuments.mark(mongo.database(), RiskPeriod.WEEK, "2026-11-18", mark))
                .as("a's week, which b's batch updated").isNull();
    }

    private void awaitState(String incidentId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.database().getCollection(RiskBuckets.INCIDENTS)
                .find(Filters.eq("_id", incidentId)).first() != null);
    }

    private void report(IncidentReported event) {
        RiskEvents.publish(service, event);
    }
}
