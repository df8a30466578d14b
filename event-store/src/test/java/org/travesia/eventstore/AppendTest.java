package org.travesia.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.travesia.eventstore.TestEvents.step;
import static org.travesia.eventstore.TestEvents.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppendTest {

    private final EventStoreFixture store = new EventStoreFixture();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anAggregatesEventsAreReadBackInSequenceAcrossCommits() {
        store.engine.appendEvents(steps("a", 0, 3));
        store.engine.appendEvents(steps("a", 3, 40));

        assertThat(store.sequencesOf("a")).hasSize(43).isSorted().startsWith(0L, 1L).endsWith(42L);
        assertThat(store.engine.readEvents("a", 40).asStream().map(e -> e.getSequenceNumber()))
                .containsExactly(40L, 41L, 42L);
    }

    @Test
    void twoWritersAtTheSameVersionOneWinsTheOtherGetsAConflict() {
        store.engine.appendEvents(steps("a", 0, 2));

        store.engine.appendEvents(List.of(step("a", 2)));

        assertThatThrownBy(() -> store.engine.appendEvents(List.of(step("a", 2))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(store.sequencesOf("a")).containsExactly(0L, 1L, 2L);
    }

    @Test
    void oneQueryTellsWhichAggregatesHaveEventsWhateverTheirCommits() {
        store.engine.appendEvents(steps("a", 0, 3));
        store.engine.appendEvents(List.of(step("b", 0), step("c", 0)));
        store.engine.appendEvents(List.of(step("b", 1)));

        assertThat(store.engine.aggregatesWithEvents(List.of("a", "b", "c", "d", "a#0")))
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void creatingAnAggregateTwiceIsRefused() {
        store.engine.appendEvents(List.of(step("a", 0)));

        assertThatThrownBy(() -> store.engine.appendEvents(List.of(step("a", 0))))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void aCommitThatConflictsWritesNoneOfItsEvents() {
        store.engine.appendEvents(steps("a", 0, 2));

        assertThatThrownBy(() -> store.engine.appendEvents(List.of(step("b", 0), step("b", 1), step("a", 1))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(store.sequencesOf("b")).isEmpty();
        assertThat(store.readNew()).extracting(EventStoreFixture::aggregateOf).containsOnly("a");
    }

    @Test
    void eachEventCarriesItsGlobalPositionInItsMetadata() {
        store.engine.appendEvents(steps("a", 0, 2));
        store.engine.appendEvents(steps("b", 0, 1));

        assertThat(store.readNew()).extracting(e -> e.getMetaData().get(MongoEventStorageEngine.GLOBAL_POSITION))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aReaderNeverSeesHalfACommitWhileWritersAppend() throws Exception {
        int commits = 300;
        int eventsPerCommit = 3;
        ExecutorService writers = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> appends = new ArrayList<>();
        for (int i = 0; i < commits; i++) {
            String aggregate = "c-" + i;
            appends.add(writers.submit(() -> store.engine.appendEvents(steps(aggregate, 0, eventsPerCommit))));
        }
        writers.submit(() -> writing.set(false));

        ConcurrentHashMap<String, Integer> seen = new ConcurrentHashMap<>();
        int total = 0;
        while (writing.get() || total < commits * eventsPerCommit) {
            List<TrackedEventMessage<?>> batch = store.readNew();
            total += batch.size();
            batch.forEach(e -> seen.merge(EventStoreFixture.aggregateOf(e), 1, Integer::sum));
            // Every commit seen so far was seen whole, in one read.
            assertThat(seen.values()).allMatch(n -> n == eventsPerCommit);
        }
        for (Future<?> append : appends) {
            append.get(10, TimeUnit.SECONDS);
        }
        writers.shutdown();
        assertThat(seen).hasSize(commits);
        assertThat(total).isEqualTo(commits * eventsPerCommit);
    }

    @Test
    void aSnapshotIsStoredAndReadBack() {
        store.engine.storeSnapshot(step("a", 7));

        assertThat(store.engine.readSnapshot("a")).hasValueSatisfying(s -> assertThat(s.getSequenceNumber()).isEqualTo(7));
        assertThat(store.engine.readSnapshot("b")).isEmpty();
    }
}
