package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.ops.EmbeddedStore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * A backup taken while writers keep writing is one consistent state of the store: each writer writes a receipt, and
 * once it is acknowledged, its progress pointing at it, in another collection. In the backup, no progress points past
 * a receipt that is missing, every receipt acknowledged before the backup began is there, and the unique and the
 * secondary index agree with the documents. Several backups are taken while the file grows, so that the copy runs while new chunks
 * are written.
 */
class OnlineBackupTest {

    private static final int WRITERS = 4;
    private static final String PADDING = "p".repeat(2_000);

    @TempDir
    Path work;

    @Test
    void backupsTakenDuringWritesAreEachOneConsistentState() throws Exception {
        Path data = work.resolve("data");
        List<Backup> backups = new ArrayList<>();
        Map<Integer, Long> acknowledged = new ConcurrentHashMap<>();
        try (EmbeddedStore store = EmbeddedStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoDatabase database = client.getDatabase("test");
            database.getCollection("receipts").createIndex(Indexes.ascending("key"),
                    new IndexOptions().unique(true));
            database.getCollection("receipts").createIndex(Indexes.descending("writer", "seq"),
                    new IndexOptions().name("by_writer"));
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int w = writer;
                writers.add(pool.submit(() -> {
                    for (long i = 0; writing.get(); i++) {
                        database.getCollection("receipts").insertOne(new Document("_id", w + "-" + i)
                                .append("key", "k-" + w + "-" + i).append("writer", w).append("seq", i)
                                .append("padding", PADDING));
                        database.getCollection("progress").replaceOne(Filters.eq("_id", w),
                                new Document("_id", w).append("last", i), new ReplaceOptions().upsert(true));
                        acknowledged.put(w, i);
                    }
                    return null;
                }));
            }
            for (int round = 1; round <= 3; round++) {
                long each = 60L * round;
                await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() == WRITERS
                        && acknowledged.values().stream().allMatch(last -> last >= each));
                Map<Integer, Long> before = Map.copyOf(acknowledged);
                Document taken = client.getDatabase("admin").runCommand(new Document("travesiaBackup", 1));
                backups.add(new Backup(Path.of(taken.getString("file")), before));
            }
            writing.set(false);
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }

        for (Backup backup : backups) {
            assertConsistent(backup.file(), backup.acknowledgedBefore());
        }
    }

    /** A backup, and how far each writer had been acknowledged when it was asked for. */
    private record Backup(Path file, Map<Integer, Long> acknowledgedBefore) {
    }

    private void assertConsistent(Path backup, Map<Integer, Long> acknowledgedBefore) throws Exception {
        Path opened = Files.createDirectories(work.resolve("opened-" + backup.getFileName()));
        Files.copy(backup, opened.resolve(EmbeddedStore.FILE_NAME));
        try (EmbeddedStore store = EmbeddedStore.start(opened, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoDatabase database = client.getDatabase("test");
            Set<String> receipts = new HashSet<>();
            database.getCollection("receipts").find().forEach(receipt -> receipts.add(receipt.getString("_id")));
            for (int w = 0; w < WRITERS; w++) {
                Document progress = database.getCollection("progress").find(Filters.eq("_id", w)).first();
                long last = progress == null ? -1 : progress.getLong("last");
                for (long i = 0; i <= last; i++) {
                    assertThat(receipts).as(backup + ": progress of writer " + w + " is at " + last)
                            .contains(w + "-" + i);
                }
                assertThat(last).as(backup + ": acknowledged before the backup began")
                        .isGreaterThanOrEqualTo(acknowledgedBefore.get(w));
            }
            for (int w = 0; w < WRITERS; w++) {
                String writer = w + "-";
                long held = receipts.stream().filter(receipt -> receipt.startsWith(writer)).count();
                Document latest = database.getCollection("receipts").find(Filters.eq("writer", w))
                        .sort(Sorts.descending("seq")).limit(1).first();
                long count = ((Number) database.runCommand(new Document("count", "receipts")
                        .append("query", new Document("writer", w))).get("n")).longValue();
                assertThat(count).as(backup + ": the secondary index holds writer " + w + "'s receipts").isEqualTo(held);
                assertThat(latest == null ? -1 : latest.getLong("seq")).as(backup + ": latest of writer " + w)
                        .isEqualTo(held - 1);
            }
            for (String receipt : receipts) {
                assertThat(database.getCollection("receipts").find(Filters.eq("key", "k-" + receipt)).first())
                        .as(backup + ": the unique index finds " + receipt).isNotNull();
            }
        }
    }
}
