package org.travesia.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** The start-up probes of the counter and the occupied positions, and the repair that raises the counter. */
class StorePositionsTest {

    private final EventStoreFixture store = new EventStoreFixture();
    private final StorePositions positions = new StorePositions(store.collections);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSoundStoreHasNothingAboveItsCounter() {
        appendCommits(20);
        assertThat(positions.counter()).isEqualTo(60);
        assertThat(positions.occupiedAboveCounter()).isEmpty();
        positions.requireCounterAtOrAboveEveryCommit();
    }

    @Test
    void aCounterBehindTheCommitsIsRefusedWithTheRepairCommand() {
        appendCommits(20);
        counterAt(40);
        assertThat(positions.occupiedAboveCounter()).hasValue(41);
        assertThatThrownBy(positions::requireCounterAtOrAboveEveryCommit)
                .isInstanceOf(InconsistentStoreException.class)
                .hasMessageContaining("at 40").hasMessageContaining("position 41")
                .hasMessageContaining("./ops/repair-store raise-counter");
    }

    @Test
    void theHighestOccupiedPositionIsFoundBelowPositionsHandedOutButNeverWritten() {
        appendCommits(5);
        new PositionAllocator(store.collections).allocate(3 * StorePositions.WINDOW);
        assertThat(positions.counter()).isEqualTo(15 + 3 * StorePositions.WINDOW);
        assertThat(positions.highestOccupied()).isEqualTo(15);
    }

    @Test
    void aTombstoneOccupiesItsPositions() {
        appendCommits(2);
        long first = new PositionAllocator(store.collections).allocate(4);
        store.collections.events().insertOne(Commit.tombstone(first, 4, new java.util.Date()));
        assertThat(positions.highestOccupied()).isEqualTo(10);
    }

    @Test
    void anEmptyStoreHasNothingOccupied() {
        assertThat(positions.highestOccupied()).isZero();
        assertThat(positions.highestOccupiedByScan()).isZero();
        positions.requireCounterAtOrAboveEveryCommit();
    }

    @Test
    void raisingTheCounterToTheHighestCommitRepairsIt() {
        appendCommits(20);
        counterAt(7);
        positions.raiseCounterTo(positions.highestOccupiedByScan());
        assertThat(positions.counter()).isEqualTo(60);
        positions.requireCounterAtOrAboveEveryCommit();
        positions.raiseCounterTo(10);
        assertThat(positions.counter()).as("never lowered").isEqualTo(60);
        store.engine.appendEvents(TestEvents.steps("after-repair", 0, 1));
        assertThat(store.collections.events().find(Filters.eq("_id", 61L)).first()).isNotNull();
    }

    @Test
    void aSoundStoreHasEveryAggregatesEventsInOrder() {
        for (int c = 0; c < 400; c++) {
            store.engine.appendEvents(TestEvents.steps("walker-" + (c % 7), 3L * (c / 7), 3));
        }
        long fenced = new PositionAllocator(store.collections).allocate(4);
        store.collections.events().insertOne(Commit.tombstone(fenced, 4, new java.util.Date()));

        StorePositions.OrderCheck check = positions.eventsOutOfOrder(20);

        assertThat(check.commits()).as("a commit across a window's edge is read once; a tombstone is none")
                .isEqualTo(400);
        assertThat(check.aggregates()).isEqualTo(7);
        assertThat(check.highestPosition()).isEqualTo(1204);
        assertThat(check.misordered()).isZero();
        assertThat(check.listed()).isEmpty();
    }

    @Test
    void anEventAppendedBelowTheEventsBeforeItIsFound() {
        new PositionAllocator(store.collections).allocate(5);
        store.engine.appendEvents(TestEvents.steps("walker", 0, 3));
        appendCommits(1);
        // A store restarted under running writers that forgot its allocations, as it could before they waited for
        // the disk: the next append takes the free positions its dead writer was handed, below the walker's events.
        counterAt(0);
        store.engine.appendEvents(TestEvents.steps("walker", 3, 1));
        assertThat(store.collections.events().find(Filters.eq("_id", 1L)).first()).isNotNull();

        StorePositions.OrderCheck check = positions.eventsOutOfOrder(2);

        assertThat(check.misordered()).isEqualTo(3);
        assertThat(check.listed()).containsExactly(new StorePositions.Misordered("walker", 0, 6, 3, 1),
                new StorePositions.Misordered("walker", 1, 7, 3, 1));
        assertThat(check.commits()).isEqualTo(3);
        assertThat(check.aggregates()).isEqualTo(2);
        assertThat(check.highestPosition()).isEqualTo(11);
    }

    @Test
    void commitsAboveTheCounterAreCheckedBeyondAnEmptyWindow() {
        new PositionAllocator(store.collections).allocate(StorePositions.WINDOW + 10);
        store.engine.appendEvents(TestEvents.steps("walker", 0, 2));
        counterAt(2);

        StorePositions.OrderCheck check = positions.eventsOutOfOrder(20);

        assertThat(check.commits()).isEqualTo(1);
        assertThat(check.highestPosition()).isEqualTo(StorePositions.WINDOW + 12);
        assertThat(check.misordered()).isZero();
    }

    private void appendCommits(int commits) {
        for (int c = 0; c < commits; c++) {
            store.engine.appendEvents(TestEvents.steps("walker-" + c, 0, 3));
        }
    }

    /** What a crash that persisted an older counter than the commits leaves behind. */
    private void counterAt(long last) {
        store.collections.counters().updateOne(Filters.eq("_id", "global"), Updates.set("last", last));
        assertThat(positions.counter()).isEqualTo(last);
    }
}
