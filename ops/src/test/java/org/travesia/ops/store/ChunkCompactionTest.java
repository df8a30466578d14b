package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a commit per write, the file still grows with the data it holds, not with the number of commits. */
class ChunkCompactionTest {

    private static final int WRITES = 3_000;
    private static final String VALUE = "v".repeat(2_000);

    @TempDir
    Path data;

    @Test
    void theFileStaysWithinAFewTimesTheDataItHolds() throws Exception {
        Path file = data.resolve("compacted.mv");
        MVStore store = DurableH2Backend.openWithoutAutoCommit(file);
        // Chunks kept for readers of older versions would weigh more than the data in a run this short.
        store.setRetentionTime(0);
        try (GroupCommit groupCommit = new GroupCommit(store)) {
            MVMap<Long, String> documents = store.openMap("documents");
            MVMap<String, Long> index = store.openMap("index");
            for (long key = 0; key < WRITES; key++) {
                long k = key;
                groupCommit.write(() -> {
                    documents.put(k, VALUE);
                    return index.put("key-" + k, k);
                });
            }
        }
        long size = Files.size(file);
        store.close();
        long held = (long) WRITES * VALUE.length();
        assertThat(size).as("file of %d bytes for %d bytes of values, after %d commits", size, held, WRITES)
                .isLessThan(3 * held);
    }
}
