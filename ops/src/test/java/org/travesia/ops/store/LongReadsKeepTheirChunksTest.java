package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read reads the version it started on to the end, however long it takes and whatever is committed meanwhile.
 * <p>
 * MVStore drops a chunk once nothing live is left in it, it is older than the retention time (2 s here), and no
 * version still in use needs it. A read nobody told MVStore about is not "in use": a count of 100,000 documents in a
 * benchmark, under the commits of idle processors renewing their claims, failed with {@code Chunk … not found}.
 */
class LongReadsKeepTheirChunksTest {

    private static final int ENTRIES = 20_000;
    private static final String PAD = "x".repeat(200);

    @TempDir
    Path data;

    @Test
    void aReadLongerThanTheRetentionTimeStillFindsItsPages() {
        MVStore store = DurableH2Backend.openWithoutAutoCommit(data.resolve("store.mv"));
        try {
            MVMap<Integer, String> documents = store.openMap("documents");
            for (int key = 0; key < ENTRIES; key++) {
                documents.put(key, PAD + key);
            }
            store.commit();
            // The chunk's own entry goes into the layout with the next commit.
            store.openMap("other").put(1, 1);
            store.commit();
            Set<String> chunksOfTheReadVersion = chunks(store);

            int read = DurableH2Backend.holdingItsVersion(store, () -> {
                Iterator<Map.Entry<Integer, String>> reading = documents.entrySet().iterator();
                Map.Entry<Integer, String> first = reading.next();
                // Meanwhile, every entry is rewritten, again and again, and the chunks compacted: until the chunks the
                // read's version lives in are dropped, or for well past the retention time if they are kept.
                long started = System.nanoTime();
                int[] round = {0};
                await().pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(30)).until(() -> {
                    rewriteEverything(store, documents, round[0]++);
                    boolean dropped = chunks(store).stream().noneMatch(chunksOfTheReadVersion::contains);
                    return dropped || System.nanoTime() - started > Duration.ofMillis(
                            3L * store.getRetentionTime()).toNanos();
                });
                int count = first.getValue().equals(PAD + 0) ? 1 : 0;
                while (reading.hasNext()) {
                    Map.Entry<Integer, String> entry = reading.next();
                    if (entry.getValue().equals(PAD + entry.getKey())) {
                        count++;
                    }
                }
                return count;
            });

            assertThat(read).as("entries read as they were when the read started").isEqualTo(ENTRIES);
        } finally {
            store.close();
        }
    }

    private static void rewriteEverything(MVStore store, MVMap<Integer, String> documents, int round) {
        for (int key = 0; key < ENTRIES; key++) {
            documents.put(key, PAD + round + "-" + key);
        }
        store.commit();
        store.compact(ChunkCompaction.TARGET_FILL_RATE, ChunkCompaction.WRITE_LIMIT_KB * 1024);
        store.commit();
        store.sync();
    }

    private static Set<String> chunks(MVStore store) {
        return store.getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk."))
                .collect(Collectors.toSet());
    }
}
