package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import de.bwaldvogel.mongo.MongoServer;

/** Values and ids at the edges of what a secondary index holds: each test states what the store must still do. */
class SecondaryIndexEdgeCasesTest {

    @TempDir
    Path data;

    /**
     * An index on a dotted path ({@code tags.code}) over a document whose {@code tags} is an array of scalars, or
     * of documents some of which lack {@code code}: mongo-java-server gives the entry a list holding Missing, which
     * BSON cannot encode. The put succeeds; the commit that writes the page throws, and the group commit then
     * refuses every write of every collection.
     */
    @Test
    void aDocumentWithAnArrayOnAnIndexedDottedPathDoesNotStopTheStore() {
        try (ServedStore store = ServedStore.open(data.resolve("store.mv"))) {
            MongoCollection<Document> tagged = store.database().getCollection("tagged");
            tagged.createIndex(Indexes.ascending("tags.code"));
            tagged.insertOne(new Document("_id", 1).append("tags", List.of(new Document("code", "a"))));
            Throwable failure = null;
            try {
                tagged.insertOne(new Document("_id", 2).append("tags", List.of(new Document("code", "a"),
                        new Document("label", "no code"))));
            } catch (RuntimeException e) {
                failure = e;
            }
            assertThat(failure).as("insert of a document whose tags lack a code").isNull();
            // Another collection altogether: the store must still take writes.
            store.database().getCollection("other").insertOne(new Document("_id", "x"));
            assertThat(store.database().getCollection("other").countDocuments()).isEqualTo(1);
        }
    }

    /**
     * The same defect on the upgrade path: a version-1 store (which ignored non-unique indexes) holding such a
     * document, with the index declared. Each start builds the index in memory, and the first commit after it
     * fails: the store takes no write at all, at this start or any later one.
     */
    @Test
    void aVersionOneStoreHoldingSuchADocumentTakesWritesAfterTheUpgrade() {
        Path file = data.resolve("store.mv");
        try (ServedStore store = ServedStore.open(file)) {
            MongoCollection<Document> tagged = store.database().getCollection("tagged");
            tagged.createIndex(Indexes.ascending("tags.code"), new IndexOptions().name("tags"));
            tagged.insertOne(new Document("_id", 1).append("tags", List.of(new Document("code", "a"))));
        }
        try (org.h2.mvstore.MVStore raw = DurableH2Backend.openWithoutAutoCommit(file)) {
            // What version 1 left: the index declared, no map, no mark; a document it had no reason to refuse.
            raw.removeMap(StoreMaps.indexMapName("travesia.tagged", "tags"));
            StoreMaps.openMeta(raw, StoreMaps.metaMapName("travesia.tagged")).remove(SecondaryIndex.completeMark("tags"));
            StoreMaps.openDocuments(raw, StoreMaps.documentsMapName("travesia.tagged")).put(2,
                    new de.bwaldvogel.mongo.bson.Document("_id", 2).append("tags", List.of(
                            new de.bwaldvogel.mongo.bson.Document("code", "a"), "free text")));
            raw.setStoreVersion(1);
            raw.commit();
        }
        List<String> outcomes = new ArrayList<>();
        for (int start = 0; start < 2; start++) {
            try (ServedStore store = ServedStore.open(file)) {
                store.database().getCollection("other").insertOne(new Document("start", start));
                outcomes.add("start " + start + ": write taken");
            } catch (RuntimeException e) {
                outcomes.add("start " + start + ": " + e.getMessage());
            }
        }
        assertThat(outcomes).containsExactly("start 0: write taken", "start 1: write taken");
    }

    /**
     * The matcher finds {@code Long.MAX_VALUE} equal to the double 2^63 (mongo-java-server normalises a long that
     * "can be represented as a double" to that double, and (long) 2^63 saturates to Long.MAX_VALUE), while the
     * index orders them by exact value: the range for the equality misses the document a scan finds.
     */
    @Test
    void anEqualityOnTheLargestLongFindsWhatAScanFinds() {
        try (ServedStore store = ServedStore.open(data.resolve("store.mv"))) {
            MongoDatabase database = store.database();
            MongoCollection<Document> indexed = database.getCollection("indexed");
            MongoCollection<Document> scanned = database.getCollection("scanned");
            indexed.createIndex(Indexes.ascending("n"));
            for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
                collection.insertOne(new Document("_id", 1).append("n", 9.223372036854775807E18));
                collection.insertOne(new Document("_id", 2).append("n", Long.MAX_VALUE));
                for (int i = 3; i < 40; i++) {
                    collection.insertOne(new Document("_id", i).append("n", i));
                }
            }
            assertThat(store.collection("indexed").secondaryIndex("n_1").isUsable()).isTrue();
            List<Object> fromScan = ids(scanned.find(Filters.eq("n", Long.MAX_VALUE)));
            assertThat(fromScan).as("the scan's answer").containsExactlyInAnyOrder(1, 2);
            assertThat(ids(indexed.find(Filters.eq("n", Long.MAX_VALUE)))).isEqualTo(fromScan);
        }
    }

    /**
     * A document whose id is null, in a collection with a secondary index, cannot be deleted once the store has
     * been reopened: the unique _id index hands back the position it stored, a Missing that Java serialization
     * brought back as a new instance (Missing has no equals), the secondary index hands back Missing.getInstance(),
     * and mongo-java-server's removeDocument asserts the two positions are equal. Without a secondary index (main)
     * the _id index's position is the only one, and the delete works.
     */
    @Test
    void aDocumentWithANullIdIsServedUpdatedAndDeleted() {
        Path file = data.resolve("store.mv");
        try (ServedStore store = ServedStore.open(file)) {
            MongoCollection<Document> indexed = store.database().getCollection("indexed");
            indexed.createIndex(Indexes.descending("status", "at"), new IndexOptions().name("status_at"));
            indexed.insertOne(new Document("_id", null).append("status", "OPEN").append("at", 3));
            for (int i = 0; i < 30; i++) {
                indexed.insertOne(new Document("_id", i).append("status", i % 3 == 0 ? "OPEN" : "DONE").append("at", i));
            }
            assertThat(store.plan("indexed", Filters.eq("status", "OPEN"), Sorts.descending("at"), 0, 3)).isNotNull();
            assertThat(indexed.find(Filters.eq("status", "OPEN")).sort(Sorts.ascending("status", "at")).limit(3)
                    .map(d -> d.get("at")).into(new ArrayList<>())).containsExactly(0, 3, 3);
            indexed.updateOne(Filters.eq("_id", null), new Document("$set", new Document("at", 100)));
            // Before a reopen the delete works: both indexes hand back the same Missing instance.
            MongoCollection<Document> other = store.database().getCollection("other");
            other.createIndex(Indexes.ascending("status"));
            other.insertOne(new Document("_id", null).append("status", "OPEN"));
            assertThat(other.deleteOne(Filters.eq("_id", null)).getDeletedCount()).isEqualTo(1);
        }
        try (ServedStore store = ServedStore.open(file)) {
            MongoCollection<Document> indexed = store.database().getCollection("indexed");
            indexed.createIndex(Indexes.descending("status", "at"), new IndexOptions().name("status_at"));
            assertThat(indexed.find(Filters.eq("status", "OPEN")).sort(Sorts.descending("at")).first())
                    .containsEntry("at", 100);
            String deleted;
            try {
                deleted = "deleted " + indexed.deleteOne(Filters.eq("_id", null)).getDeletedCount();
            } catch (RuntimeException e) {
                deleted = e.getMessage();
            }
            // Whatever the delete did, an equality served from the index must find what a scan ($in) finds.
            List<Object> served = ids(indexed.find(Filters.eq("status", "OPEN")));
            List<Object> scanned = ids(indexed.find(Filters.in("status", List.of("OPEN"))));
            assertThat(store.plan("indexed", Filters.eq("status", "OPEN"), null, 0, 0)).isNotNull();
            assertThat(served).as("served from the index, after: " + deleted).containsExactlyInAnyOrderElementsOf(scanned);
            assertThat(deleted).isEqualTo("deleted 1");
            assertThat(store.collection("indexed").secondaryIndex("status_at").getCount()).isEqualTo(30);
        }
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }
}
