package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Role;
import org.travesia.platform.testing.ProcessedBatch;

/**
 * An operator retries a parked incident (its own thread, writes sent as they come, letter evicted) while the risk
 * processor is in a batch holding the incident's next event. The batch must leave what the events leave one by one.
 */
class RiskRetryDuringABatchTest {

    private final EmbeddedMongo eventByEvent = EmbeddedMongo.inMemory();
    private final EmbeddedMongo batched = EmbeddedMongo.inMemory();

    @AfterEach
    void stop() {
        eventByEvent.close();
        batched.close();
    }

    @Test
    void anEventAfterARetriedSequenceCountsOnTheStateTheRetryLeft() throws Exception {
        RiskEvents kidnapping = RiskEvents.about("incident-1").on("2026-11-04");
        EventMessage<?> reported = event("incident-1", kidnapping.incidentReported(), 0);
        EventMessage<?> parked = event("incident-1", kidnapping.movedTo("2026-10-28"), 1);
        EventMessage<?> next = event("incident-1", kidnapping.movedTo("2026-11-25"), 2);

        retriedDuringTheBatch(List.of(reported), parked, next);
    }

    /** The parked event is the report itself: the batch's next event must not find the incident missing. */
    @Test
    void anEventAfterARetriedReportCountsOnTheStateTheRetryLeft() throws Exception {
        RiskEvents kidnapping = RiskEvents.about("incident-1").on("2026-11-04");
        EventMessage<?> parked = event("incident-1", kidnapping.incidentReported(), 0);
        EventMessage<?> next = event("incident-1", kidnapping.movedTo("2026-11-25"), 1);

        retriedDuringTheBatch(List.of(), parked, next);
    }

    /**
     * Handles {@code before} one by one, then a batch of another incident's report and {@code next}, with {@code parked}
     * retried on its own thread just before {@code next} is handled; and the same events one by one in another store.
     */
    private void retriedDuringTheBatch(List<EventMessage<?>> before, EventMessage<?> parked, EventMessage<?> next)
            throws Exception {
        RiskEvents other = RiskEvents.about("incident-2").of("org-b").inSegment("coast");
        EventMessage<?> otherReported = event("incident-2", other.incidentReported(), 0);
        List<EventMessage<?>> inOrder = new ArrayList<>(before);
        inOrder.addAll(List.of(parked, otherReported, next));
        ProcessedBatch.eventByEvent(new RiskProjection(new RiskBuckets(eventByEvent.database())), inOrder);

        RiskBuckets buckets = new RiskBuckets(batched.database());
        RiskProjection projection = new RiskProjection(buckets);
        ProcessedBatch.eventByEvent(projection, before);
        assertThat(ProcessedBatch.withRetryBefore(projection, List.of(otherReported, next), next, List.of(parked))
                .isExceptional()).isFalse();

        RiskReader expected = RiskReader.of(new RiskBuckets(eventByEvent.database()), "org-a", Role.ANALYST);
        assertThat(RiskReader.incidents(expected.total("jungle"))).as("event by event").isEqualTo(1);
        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(RiskReader.incidents(analyst.total("jungle"))).as("incident-1 counted once").isEqualTo(1);
        assertThat(RiskDocuments.of(batched.database())).isEqualTo(RiskDocuments.of(eventByEvent.database()));
    }

    private static EventMessage<?> event(String id, Object payload, long sequence) {
        return new GenericDomainEventMessage<>("Incident", id, sequence, payload);
    }
}
