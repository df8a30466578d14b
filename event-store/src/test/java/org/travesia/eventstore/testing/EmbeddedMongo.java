package org.travesia.eventstore.testing;

import java.net.InetSocketAddress;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An embedded MongoDB-wire server on a free port, for tests. Code under test reaches it through the official driver
 * and a connection string, exactly as it reaches a real MongoDB.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final String uri;
    private final MongoClient client;

    private EmbeddedMongo(MongoBackend backend, String database) {
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        this.uri = "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
        this.client = MongoClients.create(uri);
    }

    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MemoryBackend(), "travesia");
    }

    /** A connection string with the database in its path, as {@code MONGODB_URI} takes it. */
    public String uri() {
        return uri;
    }

    public MongoClient client() {
        return client;
    }

    public MongoDatabase database() {
        return client.getDatabase("travesia");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
