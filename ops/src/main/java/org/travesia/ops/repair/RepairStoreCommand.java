package org.travesia.ops.repair;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.travesia.ops.EmbeddedStore;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * {@code ./ops/repair-store}: the repairs the services name when they refuse to start on an inconsistent store.
 * Works on the store the services use: {@code MONGODB_URI} if set, else the embedded store's file under
 * {@code TRAVESIA_DATA} (which must not be open: stop {@code ./ops/run} first).
 */
public final class RepairStoreCommand {

    static final String USAGE = """
            usage: ./ops/repair-store status
                   ./ops/repair-store check-order
                   ./ops/repair-store raise-counter
                   ./ops/repair-store reset-processor <name>
            Stop both services first.""";

    private RepairStoreCommand() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(args, System.getenv()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Runs one repair against the store the environment names and returns what it reports. */
    static String run(String[] args, Map<String, String> environment) {
        if (args.length == 0 || !valid(args)) {
            throw new IllegalArgumentException(USAGE);
        }
        String uri = environment.get("MONGODB_URI");
        if (uri != null && !uri.isBlank()) {
            try (MongoClient client = MongoClients.create(uri)) {
                String database = new ConnectionString(uri).getDatabase();
                return repair(new StoreRepair(client.getDatabase(database == null ? "travesia" : database)), args);
            }
        }
        Path data = Path.of(environment.getOrDefault("TRAVESIA_DATA", "data")).toAbsolutePath();
        if (!Files.exists(data.resolve(EmbeddedStore.FILE_NAME))) {
            throw new IllegalStateException("No embedded store in " + data + " (TRAVESIA_DATA), and MONGODB_URI is unset.");
        }
        EmbeddedStore store;
        try {
            store = EmbeddedStore.start(data, "127.0.0.1", 0);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the embedded store in " + data + " (is ./ops/run still "
                    + "running? stop it first): " + e.getMessage(), e);
        }
        try (store; MongoClient client = MongoClients.create(store.uri("travesia"))) {
            return repair(new StoreRepair(client.getDatabase("travesia")), args);
        }
    }

    private static boolean valid(String[] args) {
        return switch (args[0]) {
            case "status", "check-order", "raise-counter" -> args.length == 1;
            case "reset-processor" -> args.length == 2;
            default -> false;
        };
    }

    private static String repair(StoreRepair repair, String[] args) {
        return switch (args[0]) {
            case "status" -> repair.status();
            case "check-order" -> repair.checkOrder();
            case "raise-counter" -> repair.raiseCounter();
            default -> repair.resetProcessor(args[1]);
        };
    }
}
