package org.travesia.ops.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.travesia.ops.EmbeddedStore;
import org.travesia.ops.store.DurableH2Backend;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * {@code ./ops/backup-store [DIRECTORY]}: a consistent copy of the embedded store, taken while it runs. The running
 * store (on {@code TRAVESIA_MONGO_PORT}) writes it next to its file, holding writes back only while it reads the file;
 * a stopped store is opened here and copied the same way. With a directory, the copy is moved there. It refuses while
 * the master key sits where a backup would carry it ({@link MasterKeyPlacement}). A real MongoDB
 * ({@code MONGODB_URI}) is backed up with {@code mongodump} instead.
 */
public final class BackupStoreCommand {

    static final String USAGE = "usage: ./ops/backup-store [DIRECTORY]";

    private BackupStoreCommand() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(args, System.getenv()));
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Takes the backup and returns what was written, in one line. */
    static String run(String[] args, Map<String, String> environment) {
        if (args.length > 1) {
            throw new IllegalArgumentException(USAGE);
        }
        StoreLocation store = StoreLocation.of(environment, "back up");
        MasterKeyPlacement.requireOutside(environment, store.data(), args.length == 1 ? Path.of(args[0])
                : store.data().resolve(DurableH2Backend.BACKUP_DIRECTORY));
        Document taken = store.isRunning() ? backUp(store.localUri()) : backUpStopped(store);
        Path file = Path.of(taken.getString("file"));
        if (args.length == 1) {
            file = moveInto(file, Path.of(args[0]));
        }
        return String.format("Backed up the embedded store to %s (%,d bytes; writes held for %.0f ms)", file,
                ((Number) taken.get("bytes")).longValue(), ((Number) taken.get("writesHeldMillis")).doubleValue());
    }

    private static Document backUp(String uri) {
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS)).build();
        try (MongoClient client = MongoClients.create(settings)) {
            return client.getDatabase("admin").runCommand(new Document(DurableH2Backend.BACKUP_COMMAND, 1));
        } catch (MongoTimeoutException e) {
            throw new IllegalStateException("The embedded store did not answer on " + uri + ": " + e.getMessage(), e);
        } catch (MongoCommandException e) {
            throw new IllegalStateException("What answers on " + uri + " is not Travesía's embedded store, or it could "
                    + "not write the backup: " + e.getErrorMessage(), e);
        }
    }

    private static Document backUpStopped(StoreLocation store) {
        if (!store.exists()) {
            throw new IllegalStateException("No embedded store answers on port " + store.port()
                    + " (TRAVESIA_MONGO_PORT), and there is none in " + store.data() + " (TRAVESIA_DATA).");
        }
        Path data = store.data();
        try (EmbeddedStore stopped = EmbeddedStore.start(data, "127.0.0.1", 0)) {
            return backUp(stopped.uri("admin"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the embedded store in " + data + ": " + e.getMessage(), e);
        }
    }

    private static Path moveInto(Path file, Path directory) {
        try {
            Files.createDirectories(directory);
            return Files.move(file, directory.resolve(file.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("The backup is in " + file + ", but could not be moved to " + directory
                    + ": " + e.getMessage(), e);
        }
    }
}
