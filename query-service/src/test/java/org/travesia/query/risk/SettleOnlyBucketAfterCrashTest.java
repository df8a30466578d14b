package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.ProcessedBatch;

/**
 * An amendment that moves an incident to another day of the same week and month changes nothing in those buckets,
 * and still settles their marks. A batch [report, move in the week, move out of it] dies after its bucket updates and
 * is handed again one event at a time: the week's mark, left by the last move, must survive the first move's settling,
 * or the last move is taken out of that week twice. The second reviewer's.
 */
class SettleOnlyBucketAfterCrashTest {

    @ParameterizedTest(name = "processor's batch: {0}")
    @ValueSource(booleans = {false, true})
    void aBucketSettledButNotMovedKeepsALaterMark(boolean processorsBatch) throws Exception {
        RiskEvents events = RiskEvents.about("incident-1").on("2026-11-04").inSegment("jungle");
        List<EventMessage<?>> stream = List.of(event(events.incidentReported(), 0),
                event(events.movedTo("2026-11-05"), 1), event(events.movedTo("2026-11-18"), 2));
        try (EmbeddedMongo one = EmbeddedMongo.inMemory(); EmbeddedMongo many = EmbeddedMongo.inMemory()) {
            ProcessedBatch.eventByEvent(new RiskProjection(new RiskBuckets(one.database())), stream);
            StatesStepFails buckets = new StatesStepFails(many.database());
            RiskProjection projection = new RiskProjection(buckets);
            buckets.armed = true;
            assertThat(ProcessedBatch.inSegment(RiskDocuments.segment(processorsBatch), projection, stream)
                    .isExceptional()).isTrue();
            buckets.armed = false;
            for (EventMessage<?> event : stream) {
                assertThat(ProcessedBatch.inSegment(RiskDocuments.segment(processorsBatch), projection, List.of(event))
                        .isExceptional()).isFalse();
            }

            RiskDocuments.assertSame(many.database(), one.database(), processorsBatch);
        }
    }

    private static EventMessage<?> event(Object payload, long sequence) {
        return new GenericDomainEventMessage<>("Incident", "incident-1", sequence, payload);
    }
}
