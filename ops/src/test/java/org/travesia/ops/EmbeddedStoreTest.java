package org.travesia.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

class EmbeddedStoreTest {

    @TempDir
    Path data;

    @Test
    void whatWasWrittenIsThereAfterTheStoreRestarts() {
        try (EmbeddedStore store = EmbeddedStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.uri("travesia"))) {
            client.getDatabase("travesia").getCollection("things").insertOne(new Document("_id", "a").append("n", 1));
        }

        try (EmbeddedStore store = EmbeddedStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.uri("travesia"))) {
            Document found = client.getDatabase("travesia").getCollection("things").find(Filters.eq("_id", "a")).first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("n")).isEqualTo(1);
        }
        assertThat(data.resolve(EmbeddedStore.FILE_NAME)).exists();
    }
}
