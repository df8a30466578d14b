package org.travesia.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.travesia.ops.store.DurableH2Backend;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded MongoDB-wire server for local use, persisted in one file under the data directory. The services reach
 * it through the official driver, exactly as they would reach a real MongoDB.
 * <p>
 * Durability: a write is answered only once it is forced to disk, and a crash (a kill, a power cut) leaves the file
 * in a state the store really was in, across collections and indexes ({@link DurableH2Backend}).
 */
public final class EmbeddedStore implements AutoCloseable {

    /**
     * Each connection is served by one event-loop thread, which waits while its write is made durable. Enough of them
     * let many writers share each commit instead of queueing behind one another.
     */
    private static final int SERVER_THREADS = 32;
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
        MongoServer server = new MongoServer(DurableH2Backend.open(dataDirectory.resolve(FILE_NAME)));
        server.bind(new InetSocketAddress(host, port), 1, SERVER_THREADS);
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
