package org.travesia.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded MongoDB-wire server for local use, persisted in one file under the data directory. The services reach
 * it through the official driver, exactly as they would reach a real MongoDB.
 * <p>
 * Durability: writes are flushed to the file every {@value #FLUSH_MILLIS} ms and on a clean stop. A crash can lose
 * the last fraction of a second, which is acceptable for local work and is why production runs a replica set.
 */
public final class EmbeddedStore implements AutoCloseable {

    static final int FLUSH_MILLIS = 200;
    public static final String FILE_NAME = "travesia.mv";

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedStore(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** Starts the store on {@code host:port} (port 0 picks a free one), keeping its data in {@code dataDirectory}. */
    public static EmbeddedStore start(Path dataDirectory, String host, int port) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDirectory, e);
        }
        MVStore mvStore = new MVStore.Builder().fileName(dataDirectory.resolve(FILE_NAME).toString()).open();
        mvStore.setAutoCommitDelay(FLUSH_MILLIS);
        MongoServer server = new MongoServer(new H2Backend(mvStore));
        server.bind(host, port);
        return new EmbeddedStore(server, server.getLocalAddress());
    }

    public int port() {
        return address.getPort();
    }

    /** The connection string the services use, with the database in its path. */
    public String uri(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    /** Stops accepting connections and writes everything to disk. */
    @Override
    public void close() {
        server.shutdown();
    }
}
