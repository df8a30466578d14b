package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The same random incidents, changes and searches on two collections of one store: one with the read model's kind
 * of secondary indexes, served from them, and one without, scanned as mongo-java-server scans. After every round of
 * changes (and across a close and reopen, after which the indexes are declared again) every search must give the same answer on both: the same documents, in
 * the same order of their sort keys (documents tied on every sort key may come in any order, as on MongoDB).
 */
class SecondaryIndexesAgreeWithScansTest {

    private static final int ROUNDS = 12;
    private static final int SEARCHES_PER_ROUND = 30;
    private static final List<String> INDEXES = List.of("occurred_sort", "route_time", "country_time", "type_time",
            "status_time", "quality", "scope", "country");

    @TempDir
    Path data;

    private RandomIncidents random;

    @Test
    void searchesServedFromIndexesAnswerAsScansDoThroughEveryKindOfWrite() {
        random = new RandomIncidents(14, false);
        compareThroughRounds(true);
    }

    /** Arrays and documents in indexed fields switch those indexes off: the answers are still a scan's. */
    @Test
    void indexesHoldingValuesTheyCannotOrderStepAsideAndAnswersStayRight() {
        random = new RandomIncidents(14, true);
        compareThroughRounds(false);
    }

    private void compareThroughRounds(boolean everyIndexServes) {
        Path file = data.resolve("store.mv");
        ServedStore store = ServedStore.open(file);
        try {
            declareIndexes(store.database().getCollection("indexed"));
            for (int round = 0; round < ROUNDS; round++) {
                if (round == ROUNDS / 2) {
                    store.close();
                    store = ServedStore.open(file);
                    // As every service does at each start: the same indexes again, found already there.
                    declareIndexes(store.database().getCollection("indexed"));
                }
                MongoDatabase database = store.database();
                change(database.getCollection("indexed"), database.getCollection("scanned"));
                if (everyIndexServes) {
                    for (String index : INDEXES) {
                        assertThat(store.collection("indexed").secondaryIndex(index).isUsable())
                                .as("index %s serves the searches compared (no value it cannot order)", index).isTrue();
                    }
                }
                for (int search = 0; search < SEARCHES_PER_ROUND; search++) {
                    SearchesAgree.assertSameAnswers(database, random.filter(), random.sort(), random.nextInt(4),
                            random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(12));
                }
            }
        } finally {
            store.close();
        }
    }

    static void declareIndexes(MongoCollection<Document> incidents) {
        incidents.createIndex(Indexes.descending("occurredFrom", "_id"), new IndexOptions().name("occurred_sort"));
        incidents.createIndex(Indexes.ascending("route", "type", "occurredFrom"), new IndexOptions().name("route_time"));
        incidents.createIndex(Indexes.ascending("place.country", "occurredFrom"), new IndexOptions().name("country_time"));
        incidents.createIndex(Indexes.ascending("type", "occurredFrom"), new IndexOptions().name("type_time"));
        incidents.createIndex(Indexes.ascending("status", "occurredFrom"), new IndexOptions().name("status_time"));
        incidents.createIndex(Indexes.descending("quality"), new IndexOptions().name("quality"));
        incidents.createIndex(Indexes.ascending("organisation", "status"), new IndexOptions().name("scope"));
        incidents.createIndex(Indexes.ascending("place.country"), new IndexOptions().name("country").sparse(true));
    }

    /** Inserts, then updates, replaces and deletes chosen by filters: the write paths that maintain an index. */
    private void change(MongoCollection<Document> indexed, MongoCollection<Document> scanned) {
        List<Document> inserted = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            inserted.add(random.incident());
        }
        indexed.insertMany(inserted.stream().map(Document::new).toList());
        scanned.insertMany(inserted.stream().map(Document::new).toList());
        for (int i = 0; i < 12; i++) {
            Bson filter = random.filter();
            Bson update = random.change();
            indexed.updateMany(filter, update);
            scanned.updateMany(filter, update);
        }
        for (int i = 0; i < 3; i++) {
            Document replacement = random.incident();
            replacement.remove("_id");
            Bson filter = random.filter();
            Document first = scanned.find(filter).sort(new Document("_id", 1)).first();
            if (first != null) {
                indexed.replaceOne(Filters.eq("_id", first.get("_id")), replacement, new ReplaceOptions());
                scanned.replaceOne(Filters.eq("_id", first.get("_id")), replacement, new ReplaceOptions());
            }
        }
        Bson doomed = Filters.and(random.filter(), Filters.eq("status", "OPEN"));
        indexed.deleteMany(doomed);
        scanned.deleteMany(doomed);
        assertThat(indexed.countDocuments()).isEqualTo(scanned.countDocuments());
    }

}
