package org.travesia.ops.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Map;

import org.bson.Document;
import org.travesia.ops.EmbeddedStore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * {@code ./ops/restore-store FILE}: puts a backup taken by {@code ./ops/backup-store} back as the embedded store,
 * with the store and both services stopped. The backup is first opened as a store, in a directory of its own, to
 * prove it is whole; only then is the current file moved aside (to {@code TRAVESIA_DATA/replaced/}, never deleted)
 * and the backup moved into its place. On their next start the services check the restored store as they check any
 * (counter, tokens) and carry on from the positions it holds.
 */
public final class RestoreStoreCommand {

    static final String USAGE = "usage: ./ops/restore-store FILE   (with ./ops/run stopped)";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private RestoreStoreCommand() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(args, System.getenv(), Clock.systemUTC()));
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    static String run(String[] args, Map<String, String> environment, Clock clock) {
        if (args.length != 1) {
            throw new IllegalArgumentException(USAGE);
        }
        Path backup = Path.of(args[0]).toAbsolutePath();
        if (!Files.isRegularFile(backup)) {
            throw new IllegalArgumentException("No backup file at " + backup);
        }
        StoreLocation store = StoreLocation.of(environment, "restore");
        if (store.isRunning()) {
            throw new IllegalStateException("Something answers on port " + store.port() + " (TRAVESIA_MONGO_PORT): stop "
                    + "./ops/run (the services and the store) before restoring.");
        }
        String stamp = STAMP.format(clock.instant());
        try {
            Files.createDirectories(store.data());
            Path verified = verifiedCopy(backup, store.data().resolve("restoring-" + stamp));
            String replaced = "";
            if (store.exists()) {
                ensureNotOpen(store.file());
                Path aside = Files.createDirectories(store.data().resolve("replaced"))
                        .resolve("travesia-" + stamp + ".mv");
                Files.move(store.file(), aside);
                replaced = " The store it replaces is kept in " + aside + ".";
            }
            Files.move(verified.resolve(EmbeddedStore.FILE_NAME), store.file(), StandardCopyOption.ATOMIC_MOVE);
            Files.delete(verified);
            return "Restored " + backup + " as the embedded store in " + store.data() + "." + replaced
                    + " Start it with ./ops/run.";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restore " + backup + ": " + e.getMessage(), e);
        }
    }

    /** Copies the backup into {@code directory} and opens it there as a store: a torn or foreign file stops here. */
    private static Path verifiedCopy(Path backup, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.copy(backup, directory.resolve(EmbeddedStore.FILE_NAME));
        try (EmbeddedStore opened = EmbeddedStore.start(directory, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(opened.uri("travesia"))) {
            MongoDatabase database = client.getDatabase("travesia");
            database.runCommand(new Document("ping", 1));
            database.listCollectionNames().into(new ArrayList<>());
        } catch (RuntimeException e) {
            throw new IllegalStateException("The backup " + backup + " does not open as a store (" + e.getMessage()
                    + "); nothing was changed. The copy that failed is in " + directory + ".", e);
        }
        return directory;
    }

    /** Another process that has the file open (a store started by hand, a repair) holds its lock. */
    private static void ensureNotOpen(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(file + " is open in another process: stop it before restoring.");
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException(file + " is open in this process: stop the store before restoring.", e);
        }
    }
}
