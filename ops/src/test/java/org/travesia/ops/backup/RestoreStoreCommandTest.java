package org.travesia.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.ops.EmbeddedStore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** {@code ./ops/restore-store} changes nothing unless the backup is whole and the store is stopped. */
class RestoreStoreCommandTest {

    @TempDir
    Path work;

    @Test
    void aFileThatIsNotAStoreIsRefusedAndTheCurrentStoreStays() throws IOException {
        Path data = work.resolve("data");
        writeOneDocument(data);
        byte[] current = Files.readAllBytes(data.resolve(EmbeddedStore.FILE_NAME));
        Path damaged = Files.write(work.resolve("damaged.mv"), "not an MVStore file at all".repeat(500).getBytes());

        assertThatThrownBy(() -> RestoreStoreCommand.run(new String[] {damaged.toString()},
                Map.of("TRAVESIA_DATA", data.toString(), "TRAVESIA_MONGO_PORT", "1"), Clock.systemUTC()))
                .hasMessageContaining("does not open as a store").hasMessageContaining("nothing was changed");
        assertThat(Files.readAllBytes(data.resolve(EmbeddedStore.FILE_NAME))).isEqualTo(current);
    }

    @Test
    void aRunningStoreIsLeftAloneWithAnExplanation() throws IOException {
        Path data = work.resolve("data");
        writeOneDocument(data);
        Path backup = Files.copy(data.resolve(EmbeddedStore.FILE_NAME), work.resolve("backup.mv"));
        try (EmbeddedStore running = EmbeddedStore.start(data, "127.0.0.1", 0)) {
            assertThatThrownBy(() -> RestoreStoreCommand.run(new String[] {backup.toString()},
                    Map.of("TRAVESIA_DATA", data.toString(), "TRAVESIA_MONGO_PORT", String.valueOf(running.port())),
                    Clock.systemUTC()))
                    .hasMessageContaining("stop ./ops/run");
        }
    }

    @Test
    void aRealMongoDbIsBackedUpWithItsOwnTools() {
        assertThatThrownBy(() -> BackupStoreCommand.run(new String[0], Map.of("MONGODB_URI", "mongodb://db/travesia")))
                .hasMessageContaining("mongodump");
    }

    private static void writeOneDocument(Path data) {
        try (EmbeddedStore store = EmbeddedStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.uri("travesia"))) {
            client.getDatabase("travesia").getCollection("incidents").insertOne(new Document("_id", "one"));
        }
    }
}
