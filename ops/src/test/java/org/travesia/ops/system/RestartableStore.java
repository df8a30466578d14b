package org.travesia.ops.system;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-wire store, kept in a file, that a test can take away and bring back on the same port with the same data:
 * an outage as the services see it.
 */
final class RestartableStore implements AutoCloseable {

    private final String file;
    private final int port;
    private MongoServer server;

    private RestartableStore(Path directory) {
        this.file = directory.resolve("outage.mv").toString();
        this.server = new MongoServer(new H2Backend(file));
        server.bind("127.0.0.1", 0);
        this.port = server.getLocalAddress().getPort();
    }

    static RestartableStore start(Path directory) {
        return new RestartableStore(directory);
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port + "/travesia";
    }

    /** Closes every connection and stops listening; the data stays in the file. */
    synchronized void takeAway() {
        server.shutdownNow();
        server = null;
    }

    synchronized void bringBack() {
        server = new MongoServer(new H2Backend(file));
        server.bind("127.0.0.1", port);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
