package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.ops.EmbeddedStore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The embedded store answers {@code dbStats} with its filesystem's size and use, as MongoDB does: the disk alert. */
class StoreDiskStatsTest {

    @TempDir
    Path data;

    @Test
    void dbStatsTellsTheSizeAndUseOfTheFilesystemUnderTheStoresFile() throws IOException {
        try (EmbeddedStore store = EmbeddedStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.uri("travesia"))) {
            client.getDatabase("travesia").getCollection("events").insertOne(new Document("_id", 1));

            Document stats = client.getDatabase("travesia").runCommand(new Document("dbStats", 1));

            java.nio.file.FileStore disk = Files.getFileStore(data);
            assertThat(((Number) stats.get("fsTotalSize")).longValue()).isEqualTo(disk.getTotalSpace());
            assertThat(((Number) stats.get("fsUsedSize")).longValue()).isPositive()
                    .isLessThanOrEqualTo(disk.getTotalSpace());
            assertThat(((Number) stats.get("storageSize")).longValue())
                    .isEqualTo(Files.size(data.resolve(EmbeddedStore.FILE_NAME)));
            assertThat(stats.get("collections")).as("the usual answer is kept").isEqualTo(1);
        }
    }
}
