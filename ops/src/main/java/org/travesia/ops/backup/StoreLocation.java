package org.travesia.ops.backup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.travesia.ops.EmbeddedStore;

/**
 * Where the embedded store is, as {@code ./ops/run} places it: its file in {@code TRAVESIA_DATA} (default
 * {@code ./data}), and, while it runs, its port on 127.0.0.1 ({@code TRAVESIA_MONGO_PORT}, default 27017).
 */
record StoreLocation(Path data, int port) {

    static StoreLocation of(Map<String, String> environment, String action) {
        String uri = environment.get("MONGODB_URI");
        if (uri != null && !uri.isBlank()) {
            throw new IllegalStateException("MONGODB_URI is set: " + action + " MongoDB with mongodump and mongorestore "
                    + "(ops/runbooks/backup-and-restore.md). These tools are for the embedded store only.");
        }
        Path data = Path.of(environment.getOrDefault("TRAVESIA_DATA", "data")).toAbsolutePath().normalize();
        String port = environment.getOrDefault("TRAVESIA_MONGO_PORT", "27017");
        try {
            return new StoreLocation(data, Integer.parseInt(port.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TRAVESIA_MONGO_PORT=" + port + " is not a port number");
        }
    }

    Path file() {
        return data.resolve(EmbeddedStore.FILE_NAME);
    }

    boolean exists() {
        return Files.exists(file());
    }

    /** Whether something listens on the store's port: the store that {@code ./ops/run} started. */
    boolean isRunning() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException nothingThere) {
            return false;
        }
    }

    String localUri() {
        return "mongodb://127.0.0.1:" + port + "/admin";
    }
}
