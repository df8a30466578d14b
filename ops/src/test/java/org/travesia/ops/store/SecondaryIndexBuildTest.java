package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * An index is used only once it holds every document: a store written before this store kept secondary indexes,
 * an index whose build a crash cut short, or one that lost entries, is built again from the documents when the
 * store opens, and then answers as a scan does.
 */
class SecondaryIndexBuildTest {

    private static final String NAMESPACE = "travesia.indexed";
    private static final List<String> SECONDARY = List.of("occurred_sort", "route_time", "country_time", "type_time",
            "status_time", "quality", "scope", "country");

    @TempDir
    Path data;

    private final RandomIncidents random = new RandomIncidents(7);

    @Test
    void aStoreWrittenBeforeSecondaryIndexesWereKeptGetsThemBuiltWhenItOpens() {
        Path file = written();
        try (MVStore raw = DurableH2Backend.openWithoutAutoCommit(file)) {
            // What the previous version left: the indexes declared (in system.indexes), no maps, no marks.
            for (String index : SECONDARY) {
                raw.removeMap(StoreMaps.indexMapName(NAMESPACE, index));
                StoreMaps.openMeta(raw, StoreMaps.metaMapName(NAMESPACE)).remove(SecondaryIndex.completeMark(index));
            }
            raw.setStoreVersion(1);
            raw.commit();
        }

        assertServedAsScanned(file);
        try (MVStore raw = DurableH2Backend.openWithoutAutoCommit(file)) {
            assertThat(raw.getStoreVersion()).isEqualTo(StoreFormat.CURRENT);
        }
    }

    @Test
    void anIndexWhoseBuildACrashCutShortIsBuiltAgain() {
        Path file = written();
        try (MVStore raw = DurableH2Backend.openWithoutAutoCommit(file)) {
            // As a commit in the middle of a build would have left it: some entries, no mark.
            StoreMaps.openMeta(raw, StoreMaps.metaMapName(NAMESPACE)).remove(SecondaryIndex.completeMark("occurred_sort"));
            dropEveryOtherEntry(raw, "occurred_sort", List.of(new IndexKey("occurredFrom", false), new IndexKey("_id", false)));
            raw.commit();
        }

        assertServedAsScanned(file);
    }

    @Test
    void anIndexMarkedCompleteThatLacksEntriesIsBuiltAgain() {
        Path file = written();
        try (MVStore raw = DurableH2Backend.openWithoutAutoCommit(file)) {
            dropEveryOtherEntry(raw, "type_time", List.of(new IndexKey("type", true), new IndexKey("occurredFrom", true)));
            raw.commit();
        }

        assertServedAsScanned(file);
    }

    @Test
    void aRenamedCollectionTakesItsIndexesAlong() {
        Path file = written();
        try (ServedStore store = ServedStore.open(file)) {
            store.database().getCollection("indexed").renameCollection(new MongoNamespace("travesia", "moved"));
        }
        try (ServedStore store = ServedStore.open(file)) {
            // Written under the new name, then renamed back: an index left under the old name would lack these.
            insertIntoBoth(store.database(), "moved", 50);
            store.database().getCollection("moved").renameCollection(new MongoNamespace("travesia", "indexed"));
        }

        assertServedAsScanned(file);
    }

    /** 300 random incidents in both collections, the indexes declared on one. */
    private Path written() {
        Path file = data.resolve("store.mv");
        try (ServedStore store = ServedStore.open(file)) {
            MongoDatabase database = store.database();
            SecondaryIndexesAgreeWithScansTest.declareIndexes(database.getCollection("indexed"));
            insertIntoBoth(database, "indexed", 300);
        }
        return file;
    }

    private void insertIntoBoth(MongoDatabase database, String indexed, int count) {
        List<Document> incidents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            incidents.add(random.incident());
        }
        database.getCollection(indexed).insertMany(incidents.stream().map(Document::new).toList());
        database.getCollection("scanned").insertMany(incidents.stream().map(Document::new).toList());
    }

    private static void dropEveryOtherEntry(MVStore raw, String index, List<IndexKey> keys) {
        MVMap<KeyValue, Boolean> entries = StoreMaps.openSecondaryIndex(raw, StoreMaps.indexMapName(NAMESPACE, index),
                new IndexEntryType(keys));
        List<KeyValue> dropped = new ArrayList<>();
        int i = 0;
        for (KeyValue entry : entries.keySet()) {
            if (i++ % 2 == 0) {
                dropped.add(entry);
            }
        }
        dropped.forEach(entries::remove);
        assertThat(dropped).isNotEmpty();
    }

    private void assertServedAsScanned(Path file) {
        try (ServedStore store = ServedStore.open(file)) {
            MongoDatabase database = store.database();
            Document stats = database.runCommand(new Document("collStats", "indexed"));
            long documents = ((Number) stats.get("count")).longValue();
            Document entries = stats.get("indexSize", Document.class);
            for (String index : SECONDARY) {
                if (!index.equals("country")) {
                    assertThat(((Number) entries.get(index)).longValue()).as(index).isEqualTo(documents);
                }
            }
            for (int search = 0; search < 100; search++) {
                SearchesAgree.assertSameAnswers(database, random.filter(), random.sort(), random.nextInt(3),
                        random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(12));
            }
        }
    }
}
