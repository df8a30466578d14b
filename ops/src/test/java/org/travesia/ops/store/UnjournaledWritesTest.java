package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * A write that asks not to wait for the journal ({@code j: false}) is acknowledged as soon as it is applied, as
 * MongoDB does, while a write that asks nothing waits for a commit holding it to be on disk. The disk here is held
 * by the test: every commit waits at a gate before MVStore forces it.
 */
class UnjournaledWritesTest {

    @TempDir
    Path data;

    private ServedStore store;

    private MongoCollection<Document> counters(WriteConcern concern) {
        store = ServedStore.open(data.resolve("store.mv"));
        store.holdTheDisk();
        return store.database().getCollection("counters").withWriteConcern(concern);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aWriteThatWaivesTheJournalIsAcknowledgedWhileTheDiskIsHeld() {
        MongoCollection<Document> counters = counters(WriteConcern.W1.withJournal(false));

        CompletableFuture<Long> increments = CompletableFuture.supplyAsync(() -> {
            for (int i = 0; i < 3; i++) {
                counters.updateOne(Filters.eq("_id", "global"), Updates.inc("last", 1L), new UpdateOptions().upsert(true));
            }
            return counters.countDocuments();
        });

        await().atMost(Duration.ofSeconds(20)).until(increments::isDone);
        assertThat(store.diskHeld()).as("the disk was still held").isTrue();
        assertThat(counters.find(Filters.eq("_id", "global")).first().get("last")).isEqualTo(3L);
    }

    @Test
    void aWriteThatAsksNothingWaitsForTheDisk() throws Exception {
        MongoCollection<Document> counters = counters(WriteConcern.ACKNOWLEDGED);

        CompletableFuture<Void> journaled = CompletableFuture.runAsync(
                () -> counters.insertOne(new Document("_id", "journaled")));
        await().atMost(Duration.ofSeconds(20)).until(() -> counters.find(Filters.eq("_id", "journaled")).first() != null);

        assertThat(journaled).as("acknowledged before the disk had it").isNotDone();
        store.releaseTheDisk();
        journaled.get(20, TimeUnit.SECONDS);
    }
}
