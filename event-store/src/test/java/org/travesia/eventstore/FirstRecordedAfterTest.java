package org.travesia.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How old the first event after a reader's position is: what the processor lag in seconds is measured by. */
class FirstRecordedAfterTest {

    private static final Instant MORNING = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

    private final EventStoreFixture store = new EventStoreFixture();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void itIsTheRecordingTimeOfTheNextCommitAfterThePosition() {
        append("a", 0, MORNING);
        append("a", 1, NOON);

        assertThat(store.engine.firstRecordedAfter(0)).hasValue(MORNING);
        assertThat(store.engine.firstRecordedAfter(1)).hasValue(NOON);
    }

    @Test
    void fencedPositionsArePassedOver() {
        append("a", 0, MORNING);
        long fenced = new PositionAllocator(store.collections).allocate(3);
        store.collections.events().insertOne(Commit.tombstone(fenced, 3, new Date()));
        append("a", 1, NOON);

        assertThat(store.engine.firstRecordedAfter(1)).hasValue(NOON);
    }

    @Test
    void aReaderAtTheHeadHasNothingAhead() {
        append("a", 0, MORNING);

        assertThat(store.engine.firstRecordedAfter(1)).isEmpty();
    }

    @Test
    void anEmptyStoreHasNothingAhead() {
        assertThat(store.engine.firstRecordedAfter(0)).isEmpty();
    }

    private void append(String aggregateId, long sequence, Instant recordedAt) {
        store.engine.appendEvents(new GenericDomainEventMessage<>("Walker", aggregateId, sequence,
                new TestEvents.Stepped(aggregateId, sequence), MetaData.emptyInstance(), UUID.randomUUID().toString(),
                recordedAt));
    }
}
