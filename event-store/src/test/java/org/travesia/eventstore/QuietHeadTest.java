package org.travesia.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.travesia.eventstore.TestEvents.step;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;

/**
 * A quiet store: nothing is written after positions left open at the head (a writer that died after allocating, a
 * store that crashed with commits in flight), or after a conflict loser's tombstone. Readers fence such positions once
 * the gap timeout passes, without waiting for a later write, and the lag counts events, not positions.
 */
class QuietHeadTest {

    private EventStoreFixture store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void positionsLeftOpenAtTheHeadAreFencedOnceTheGapTimeoutPassesWithNothingWrittenAfterThem() {
        store = new EventStoreFixture(Duration.ofMillis(200), AllocationListener.NONE);
        store.engine.appendEvents(List.of(step("before", 0)));
        new PositionAllocator(store.collections).allocate(48); // commits in flight when the store crashed

        assertThat(store.readNew()).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            store.readNew();
            return store.engine.fencedPositions() == 48;
        });
        assertThat(store.collections.events().countDocuments(Filters.eq(Commit.TOMBSTONE, true))).isEqualTo(48);

        // A writer that comes back late finds its position fenced and takes a fresh one: nothing is lost.
        store.engine.appendEvents(List.of(step("after", 0)));
        assertThat(store.readNew()).extracting(EventStoreFixture::aggregateOf).containsExactly("after");
        assertThat(store.readerToken().getIndex()).isEqualTo(50);
        assertThat(store.readerToken().getGaps()).isEmpty();
    }

    @Test
    void headPositionsAreNotFencedBeforeTheGapTimeout() {
        store = new EventStoreFixture(Duration.ofSeconds(30), AllocationListener.NONE);
        store.engine.appendEvents(List.of(step("before", 0)));
        new PositionAllocator(store.collections).allocate(3);
        for (int i = 0; i < 5; i++) {
            store.readNew();
        }
        assertThat(store.engine.fencedPositions()).isZero();
    }

    @Test
    void theEventHeadIsTheHighestPositionHoldingAnEventNotATombstoneNorAnOpenPosition() {
        store = new EventStoreFixture();
        assertThat(store.engine.eventHeadPosition()).isZero();
        store.engine.appendEvents(List.of(step("a", 0)));
        store.engine.appendEvents(List.of(step("b", 0)));
        store.engine.appendEvents(List.of(step("b", 1), step("b", 2)));
        try {
            store.engine.appendEvents(List.of(step("a", 0))); // loses: its positions become a tombstone at the head
        } catch (org.axonframework.modelling.command.AggregateStreamCreationException expected) {
            // as intended
        }
        new PositionAllocator(store.collections).allocate(2); // and two positions nobody will write

        assertThat(store.engine.headPosition()).isEqualTo(7);
        assertThat(store.engine.eventHeadPosition()).isEqualTo(4);
    }

    @Test
    void theAgeOfTheOldestOpenGapIsKnownOnceAReaderHasSeenIt() {
        store = new EventStoreFixture(Duration.ofSeconds(30), AllocationListener.NONE);
        store.engine.appendEvents(List.of(step("a", 0)));
        new PositionAllocator(store.collections).allocate(1); // position 2 left open
        store.engine.appendEvents(List.of(step("b", 0)));
        store.readNew();
        assertThat(store.readerToken().getGaps()).containsExactly(2L);

        await().atMost(Duration.ofSeconds(5)).until(() -> store.engine.openFor(new TreeSet<>(List.of(2L)))
                .filter(age -> age.compareTo(Duration.ofMillis(300)) >= 0).isPresent());
        assertThat(store.engine.openFor(new TreeSet<>(List.of(2L)))).hasValueSatisfying(
                age -> assertThat(age).isGreaterThanOrEqualTo(Duration.ofMillis(300)));
        assertThat(store.engine.openFor(new TreeSet<>())).isEmpty();
    }
}
