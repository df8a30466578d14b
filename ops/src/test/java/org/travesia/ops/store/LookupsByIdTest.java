package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * Documents asked for by {@code _id} strings are found by the {@code _id} index alone, without matching each one
 * against the query again ({@code IndexedCollection}); what a query answers stays what MongoDB answers, including
 * when the query asks for more than ids.
 */
class LookupsByIdTest {

    @TempDir
    Path data;

    private ServedStore store;
    private MongoCollection<Document> buckets;

    @BeforeEach
    void fill() {
        store = ServedStore.open(data.resolve("store.mv"));
        buckets = store.database().getCollection("buckets");
        buckets.insertOne(new Document("_id", "a").append("kind", "x").append("n", 3));
        buckets.insertOne(new Document("_id", "b").append("kind", "y").append("n", 1));
        buckets.insertOne(new Document("_id", "c").append("kind", "x").append("n", 2));
        buckets.insertOne(new Document("_id", 7L).append("kind", "x").append("n", 0));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void stringIdsAnswerTheDocumentsHeldOnceEach() {
        assertThat(ids(Filters.in("_id", List.of("c", "missing", "a", "c")))).containsExactlyInAnyOrder("c", "a");
        assertThat(ids(Filters.eq("_id", "b"))).containsExactly("b");
        assertThat(ids(Filters.eq("_id", "missing"))).isEmpty();
        assertThat(buckets.countDocuments(Filters.in("_id", List.of("a", "b", "nope")))).isEqualTo(2);
    }

    @Test
    void sortSkipLimitAndProjectionStillApply() {
        List<Document> found = buckets.find(Filters.in("_id", List.of("a", "b", "c")))
                .sort(Sorts.ascending("n")).skip(1).limit(1).projection(Projections.include("n"))
                .into(new ArrayList<>());
        assertThat(found).containsExactly(new Document("_id", "c").append("n", 2));
    }

    @Test
    void aQueryAskingMoreThanIdsIsStillMatched() {
        assertThat(ids(Filters.and(Filters.in("_id", List.of("a", "b", "c")), Filters.eq("kind", "x"))))
                .containsExactlyInAnyOrder("a", "c");
        // One field, two operators: the _id index takes the query, and its $ne must still be matched.
        assertThat(ids(new Document("_id", new Document("$in", List.of("a", "b", "c")).append("$ne", "a"))))
                .containsExactlyInAnyOrder("b", "c");
        assertThat(ids(Filters.in("_id", List.of(7, "a")))).containsExactlyInAnyOrder(7L, "a");
    }

    private List<Object> ids(Bson filter) {
        List<Object> ids = new ArrayList<>();
        buckets.find(filter).forEach(d -> ids.add(d.get("_id")));
        return ids;
    }
}
