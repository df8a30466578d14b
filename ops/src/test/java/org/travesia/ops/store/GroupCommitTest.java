package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group commit on a bare MVStore, crashed in-process ({@link MVStore#closeImmediately()} writes nothing more:
 * the file keeps what was written before, as after a kill). Each round crashes a fresh store in the middle of
 * concurrent writes and reopens the file.
 */
class GroupCommitTest {

    private static final int ROUNDS = 12;
    private static final int WRITERS = 8;

    @TempDir
    Path data;

    @Test
    void aWriteIsOnDiskOnceItReturns() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path file = data.resolve("returns-" + round + ".mv");
            Set<Long> returned = ConcurrentHashMap.newKeySet();
            try (Crashing store = new Crashing(file)) {
                MVMap<Long, Long> values = store.map("values");
                store.writeUntilCrash(returned::size, 200, key -> {
                    store.groupCommit.write(() -> values.put(key, key));
                    returned.add(key);
                });
            }
            try (MVStore reopened = MVStore.open(file.toString())) {
                Set<Long> lost = new TreeSet<>(returned);
                lost.removeAll(reopened.<Long, Long>openMap("values").keySet());
                assertThat(lost).as("writes that returned but were lost, round %d", round).isEmpty();
            }
        }
    }

    @Test
    void aCrashKeepsAWriteToSeveralMapsWholeOrNotAtAll() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path file = data.resolve("whole-" + round + ".mv");
            AtomicInteger written = new AtomicInteger();
            try (Crashing store = new Crashing(file)) {
                MVMap<Long, Long> documents = store.map("documents");
                MVMap<Long, Long> index = store.map("index");
                store.writeUntilCrash(written::get, 200, key -> {
                    store.groupCommit.write(() -> {
                        documents.put(key, key);
                        return index.put(key, key);
                    });
                    written.incrementAndGet();
                });
            }
            assertBothHoldTheSameKeys(file, "documents", "index", round);
        }
    }

    @Test
    void aWriteSeenBeforeItWasDurableIsNeverOutlivedByOneThatFollowedIt() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path file = data.resolve("follow-" + round + ".mv");
            AtomicInteger followed = new AtomicInteger();
            try (Crashing store = new Crashing(file)) {
                MVMap<Long, Long> events = store.map("events");
                MVMap<Long, Long> tokens = store.map("tokens");
                AtomicBoolean crashed = new AtomicBoolean();
                // A processor: reads events as soon as they are in memory, and records what it has handled.
                Thread processor = new Thread(() -> {
                    Set<Long> handled = new HashSet<>();
                    try {
                        while (!crashed.get()) {
                            for (Long key : new ArrayList<>(events.keySet())) {
                                if (handled.add(key)) {
                                    store.groupCommit.write(() -> tokens.put(key, key));
                                    followed.incrementAndGet();
                                }
                            }
                        }
                    } catch (RuntimeException crash) {
                        // The store is gone.
                    }
                });
                processor.start();
                store.writeUntilCrash(followed::get, 200, key -> store.groupCommit.write(() -> events.put(key, key)));
                crashed.set(true);
                processor.join(TimeUnit.SECONDS.toMillis(30));
            }
            try (MVStore reopened = MVStore.open(file.toString())) {
                Set<Long> handledButGone = new TreeSet<>(reopened.<Long, Long>openMap("tokens").keySet());
                handledButGone.removeAll(reopened.<Long, Long>openMap("events").keySet());
                assertThat(handledButGone).as("tokens past events that are gone, round %d", round).isEmpty();
            }
        }
    }

    @Test
    void writesThatWaiveTheJournalGoIntoTheCommitOfTheNextWaitingWrite() {
        Path file = data.resolve("carried.mv");
        AtomicInteger forces = new AtomicInteger();
        MVStore store = DurableH2Backend.openWithoutAutoCommit(file);
        try (GroupCommit groupCommit = countingForces(store, forces, Duration.ofHours(1))) {
            MVMap<Long, Long> values = store.openMap("values");
            for (long key = 0; key < 5; key++) {
                long k = key;
                groupCommit.writeWithoutWaiting(() -> values.put(k, k));
            }
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> forces.get() == 0);
            groupCommit.write(() -> values.put(5L, 5L));

            assertThat(forces).as("fsyncs for five unjournaled writes and the waiting one after them").hasValue(1);
        } finally {
            store.closeImmediately();
        }
        assertThat(valuesAfterReopening(file)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aWriteThatWaivesTheJournalIsOnDiskWithinTheIntervalWhenNoWaitingWriteFollows() {
        Path file = data.resolve("alone.mv");
        AtomicInteger forces = new AtomicInteger();
        MVStore store = DurableH2Backend.openWithoutAutoCommit(file);
        try (GroupCommit groupCommit = countingForces(store, forces, Duration.ofMillis(50))) {
            MVMap<Long, Long> values = store.openMap("values");
            groupCommit.writeWithoutWaiting(() -> values.put(1L, 1L));

            await().atMost(Duration.ofSeconds(20)).until(() -> forces.get() == 1);
        } finally {
            store.closeImmediately();
        }
        assertThat(valuesAfterReopening(file)).containsExactly(1L);
    }

    /** A group commit that counts how often it forces the store to disk. */
    private static GroupCommit countingForces(MVStore store, AtomicInteger forces, Duration unjournaledInterval) {
        return new GroupCommit(store, () -> {
            store.sync();
            forces.incrementAndGet();
        }, unjournaledInterval);
    }

    private static List<Long> valuesAfterReopening(Path file) {
        try (MVStore reopened = MVStore.open(file.toString())) {
            return new ArrayList<>(reopened.<Long, Long>openMap("values").keySet());
        }
    }

    static void assertBothHoldTheSameKeys(Path file, String one, String other, int round) {
        try (MVStore reopened = MVStore.open(file.toString())) {
            Set<Long> first = new TreeSet<>(reopened.<Long, Long>openMap(one).keySet());
            Set<Long> second = new TreeSet<>(reopened.<Long, Long>openMap(other).keySet());
            Set<Long> onlyFirst = new TreeSet<>(first);
            onlyFirst.removeAll(second);
            Set<Long> onlySecond = new TreeSet<>(second);
            onlySecond.removeAll(first);
            assertThat(onlyFirst).as("keys only in %s after crash %d", one, round).isEmpty();
            assertThat(onlySecond).as("keys only in %s after crash %d", other, round).isEmpty();
        }
    }

    /** A store that writers use until it crashes, in the middle of their writes, once enough have happened. */
    static final class Crashing implements AutoCloseable {

        final MVStore store;
        final GroupCommit groupCommit;

        Crashing(Path file) {
            this.store = DurableH2Backend.openWithoutAutoCommit(file);
            this.groupCommit = new GroupCommit(store);
        }

        MVMap<Long, Long> map(String name) {
            return store.openMap(name);
        }

        interface Write {
            void run(long key);
        }

        /** Writers write ascending keys of their own until {@code progress} reaches {@code enough}; then the crash. */
        void writeUntilCrash(java.util.function.IntSupplier progress, int enough, Write write) throws InterruptedException {
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Long> starts = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                starts.add(w * 1_000_000L);
            }
            for (long start : starts) {
                writers.submit(() -> {
                    try {
                        for (long key = start; ; key++) {
                            write.run(key);
                        }
                    } catch (RuntimeException crash) {
                        // The store is gone.
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> progress.getAsInt() >= enough);
            store.closeImmediately();
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() {
            groupCommit.close();
            store.closeImmediately();
        }
    }
}
