package org.travesia.ops.store;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;

/** The durable store on a file, served on a free port in this JVM, with a driver connected to it. */
final class ServedStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    private ServedStore(Path file) {
        server = new MongoServer(DurableH2Backend.open(file));
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    static ServedStore open(Path file) {
        return new ServedStore(file);
    }

    MongoDatabase database() {
        return client.getDatabase("travesia");
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }
}
