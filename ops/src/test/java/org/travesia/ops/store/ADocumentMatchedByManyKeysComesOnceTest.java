package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * An {@code $in} on a unique multikey index (the event store's {@code positions}) that names several keys of one
 * document answers it once, as MongoDB does. mongo-java-server answered it once per key: a reader asking for a
 * hundred positions inside the commits of an MMP import (fifty incidents each) got every commit dozens of times in
 * one reply, 50 MB, past the driver's 48 MB limit, and the projections stopped there.
 */
class ADocumentMatchedByManyKeysComesOnceTest {

    @TempDir
    Path data;

    @Test
    void anInOverManyKeysOfOneDocumentAnswersItOnce() {
        try (ServedStore store = ServedStore.open(data.resolve("store.mv"))) {
            MongoCollection<Document> commits = store.database().getCollection("events");
            commits.createIndex(Indexes.ascending("positions"), new IndexOptions().unique(true).name("positions_unique"));
            commits.insertOne(new Document("_id", 1L).append("positions", List.of(1L, 2L, 3L)));
            commits.insertOne(new Document("_id", 4L).append("positions", List.of(4L, 5L)));
            commits.insertOne(new Document("_id", 6L).append("positions", List.of(6L)));

            List<Object> ids = new ArrayList<>();
            commits.find(Filters.in("positions", List.of(1L, 2L, 3L, 4L, 5L))).forEach(d -> ids.add(d.get("_id")));

            assertThat(ids).containsExactly(1L, 4L);
            assertThat(commits.countDocuments(Filters.in("positions", List.of(1L, 2L, 3L, 4L, 5L)))).isEqualTo(2);
        }
    }
}
