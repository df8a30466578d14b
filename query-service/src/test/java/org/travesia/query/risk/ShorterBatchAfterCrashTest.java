package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Role;
import org.travesia.platform.testing.ProcessedBatch;


/**
 * A batch [report, move] fails at its states step, after its bucket updates went out. The same events handed again
 * in shorter batches, [report] then [move] (the move parked and retried, or the batch size changed), count once: the
 * report's settling must not remove the mark the move left on the bucket it moved away from.
 */
class ShorterBatchAfterCrashTest {

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @ParameterizedTest(name = "processor's batch: {0}")
    @ValueSource(booleans = {false, true})
    void aMoveHandedAgainInAShorterBatchCountsOnce(boolean processorsBatch) {
        Segment segment = RiskDocuments.segment(processorsBatch);
        RiskEvents kidnapping = RiskEvents.about("incident-1").on("2026-11-18").inSegment("jungle");
        EventMessage<?> reported = event(kidnapping.incidentReported(), 0);
        EventMessage<?> moved = event(kidnapping.movedToSegment("coast"), 1);
        StatesStepFails buckets = new StatesStepFails(mongo.database());
        RiskProjection projection = new RiskProjection(buckets);

        buckets.armed = true;
        assertThat(ProcessedBatch.inSegment(segment, projection, List.of(reported, moved)).isExceptional()).isTrue();
        buckets.armed = false;
        assertThat(ProcessedBatch.inSegment(segment, projection, List.of(reported)).isExceptional()).isFalse();
        assertThat(ProcessedBatch.inSegment(segment, projection, List.of(moved)).isExceptional()).isFalse();

        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(RiskReader.incidents(analyst.week("jungle", "2026-11-16"))).isZero();
        assertThat(RiskReader.incidents(analyst.week("coast", "2026-11-16"))).isEqualTo(1);
    }

    private static EventMessage<?> event(Object payload, long sequence) {
        return new GenericDomainEventMessage<>("Incident", "incident-1", sequence, payload);
    }
}
