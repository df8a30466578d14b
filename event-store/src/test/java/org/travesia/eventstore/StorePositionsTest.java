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
