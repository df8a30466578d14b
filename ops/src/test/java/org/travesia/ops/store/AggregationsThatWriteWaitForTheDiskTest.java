package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.MongoDatabase;

/**
 * An aggregation that writes its result into a collection is a write wherever its {@code $out} or {@code $merge}
 * stands: mongo-java-server also runs one inside a {@code $facet} or a {@code $lookup}'s pipeline (MongoDB refuses
 * those). Like any write it is answered only once a commit holding it is on disk, and runs under the group commit's
 * shared lock. The disk is held by the test: every commit waits at a gate before MVStore forces it.
 */
class AggregationsThatWriteWaitForTheDiskTest {

    @TempDir
    Path data;

    private ServedStore store;
    private MongoDatabase database;

    @BeforeEach
    void open() {
        store = ServedStore.open(data.resolve("store.mv"));
        database = store.database();
        database.getCollection("incidents").insertOne(new Document("_id", "i-1").append("route", "darien"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "[{$out: 'copies'}]",
            "[{$facet: {all: [{$out: 'copies'}]}}]",
            "[{$lookup: {from: 'incidents', pipeline: [{$out: 'copies'}], as: 'joined'}}]"})
    void anAggregationThatWritesIsAnsweredOnlyOnceItsWriteIsOnDisk(String pipeline) {
        List<Document> stages = Document.parse("{stages: " + pipeline + "}").getList("stages", Document.class);
        store.holdTheDisk();

        CompletableFuture<List<Document>> aggregation = CompletableFuture.supplyAsync(
                () -> database.getCollection("incidents").aggregate(stages).into(new ArrayList<>()));
        await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection("copies").countDocuments() > 0);

        await("not answered while the disk is held").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> !aggregation.isDone());
        store.releaseTheDisk();
        assertThat(aggregation).succeedsWithin(Duration.ofSeconds(20));
    }
}
