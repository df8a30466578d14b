package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why {@link GroupCommit} exists: MVStore's own commit, as mongo-java-server's H2 backend uses it (a background
 * commit on a timer), captures one map's root after another while writers carry on. A crash can then leave the file
 * with half of a write that touched two maps, as an insert touches a collection and its unique index. This pins that
 * behaviour of the library down: if a later H2 stops doing it, this test fails and says so.
 */
class MVStoreOwnCommitTest {

    private static final int MAX_ROUNDS = 200;

    @TempDir
    Path data;

    @Test
    void itsBackgroundCommitCanKeepHalfOfAWriteToTwoMaps() throws Exception {
        int round = 0;
        boolean torn = false;
        while (!torn && round < MAX_ROUNDS) {
            Path file = data.resolve("round-" + round++ + ".mv");
            MVStore store = new MVStore.Builder().fileName(file.toString()).open();
            store.setAutoCommitDelay(10);
            MVMap<Long, Long> documents = store.openMap("documents");
            MVMap<Long, Long> index = store.openMap("index");
            AtomicLong written = new AtomicLong();
            AtomicBoolean crashed = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                try {
                    for (long key = 0; !crashed.get(); key++) {
                        documents.put(key, key);
                        index.put(key, key);
                        written.incrementAndGet();
                    }
                } catch (RuntimeException crash) {
                    // The store is gone.
                }
            });
            long versionAtStart = store.getCurrentVersion();
            writer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> store.getCurrentVersion() > versionAtStart + 3);
            store.closeImmediately();
            crashed.set(true);
            writer.join();
            try (MVStore reopened = MVStore.open(file.toString())) {
                Set<Long> inDocuments = new TreeSet<>(reopened.<Long, Long>openMap("documents").keySet());
                Set<Long> inIndex = new TreeSet<>(reopened.<Long, Long>openMap("index").keySet());
                torn = !inDocuments.equals(inIndex);
            }
        }
        assertThat(torn).as("a crash kept one half of a two-map write without the other, within %d rounds", round)
                .isTrue();
    }
}
