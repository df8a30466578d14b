package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.ops.EmbeddedStore;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The store's file format: what it writes, and that a file the stock H2 backend wrote still opens, whole. */
class StoreFormatTest {

    private static final int DOCUMENTS = 200;

    @TempDir
    Path data;

    @Test
    void aFileTheStockBackendWroteOpensWithItsDocumentsAndUniqueIndexesIntact() {
        MVStore stockFile = new MVStore.Builder().fileName(data.resolve(EmbeddedStore.FILE_NAME).toString()).open();
        MongoServer stock = new MongoServer(new H2Backend(stockFile));
        stock.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + stock.getLocalAddress().getPort())) {
            MongoCollection<Document> events = client.getDatabase("travesia").getCollection("events");
            events.createIndex(Indexes.ascending("positions"), new IndexOptions().unique(true).name("positions_unique"));
            for (int i = 0; i < DOCUMENTS; i++) {
                events.insertOne(commit(i));
            }
        } finally {
            stock.shutdown();
        }

        for (int restart = 0; restart < 2; restart++) {
            try (EmbeddedStore store = EmbeddedStore.start(data, "127.0.0.1", 0);
                 MongoClient client = MongoClients.create(store.uri("travesia"))) {
                MongoCollection<Document> events = client.getDatabase("travesia").getCollection("events");
                assertThat(events.countDocuments()).isEqualTo(DOCUMENTS + restart);
                assertThat(events.find(Filters.eq("_id", 7L)).first()).isEqualTo(commit(7));
                List<Long> positions = new ArrayList<>();
                for (long p = 0; p < 2L * (DOCUMENTS + 1); p++) {
                    positions.add(p);
                }
                Set<Object> found = new HashSet<>();
                events.find(Filters.in("positions", positions)).forEach(d -> found.add(d.get("_id")));
                assertThat(found).as("found through the unique index").hasSize(DOCUMENTS + restart);
                assertThatThrownBy(() -> events.insertOne(new Document("_id", -1L).append("positions", List.of(42L))))
                        .as("the unique index still refuses a taken position").isInstanceOf(MongoWriteException.class);
                if (restart == 0) {
                    events.insertOne(commit(DOCUMENTS));
                }
            }
        }
    }

    @Test
    void everyCollectionIsStoredAsBsonAndEveryUniqueIndexWithKeysThatCompareByValue() {
        Path file = data.resolve(EmbeddedStore.FILE_NAME);
        DurableH2Backend backend = DurableH2Backend.open(file);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            for (String name : List.of("events", "tracking_tokens", "incidents")) {
                MongoCollection<Document> collection = client.getDatabase("travesia").getCollection(name);
                collection.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("key_unique"));
                collection.insertOne(new Document("key", name));
            }
            MVStore store = backend.getMvStore();
            List<String> documentMaps = store.getMapNames().stream().filter(n -> n.startsWith("databases.")).toList();
            List<String> indexMaps = store.getMapNames().stream().filter(StoreMaps::isIndexMap).toList();
            assertThat(documentMaps).contains("databases.travesia.events", "databases.travesia.tracking_tokens");
            assertThat(indexMaps).contains("travesia.events._index_key_unique", "travesia.events._index__id_");
            for (String name : documentMaps) {
                assertThat(store.openMap(name).getValueType()).as(name).isInstanceOf(BsonDocumentType.class);
            }
            for (String name : indexMaps) {
                assertThat(store.openMap(name).getKeyType()).as(name).isSameAs(KeyValueType.INSTANCE);
            }
        } finally {
            server.shutdown();
        }
        try (MVStore reopened = MVStore.open(file.toString())) {
            assertThat(reopened.getStoreVersion()).isEqualTo(StoreFormat.CURRENT);
            assertThatThrownBy(() -> reopened.openMap("databases.travesia.events").values().forEach(v -> { }))
                    .as("on disk a document is BSON, which MVStore's generic type cannot read")
                    .hasMessageContaining("Unknown tag");
        }
    }

    private static Document commit(long first) {
        return new Document("_id", first).append("positions", List.of(2 * first, 2 * first + 1))
                .append("events", List.of(new Document("payload", "{\"note\":\"an observation\"}")));
    }
}
