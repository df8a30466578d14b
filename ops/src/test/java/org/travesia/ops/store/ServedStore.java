package org.travesia.ops.store;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;

/**
 * The durable store on a file, served on a free port in this JVM, with a driver connected to it. A test may hold its
 * disk ({@link #holdTheDisk}): every commit then waits at a gate before MVStore forces it, so what the store answers
 * before its write is on disk shows.
 */
final class ServedStore implements AutoCloseable {

    private final DurableH2Backend backend;
    private final MongoServer server;
    private final MongoClient client;
    private volatile CountDownLatch disk = new CountDownLatch(0);

    private ServedStore(Path file) {
        backend = DurableH2Backend.open(file, store -> {
            try {
                disk.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.sync();
        });
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    static ServedStore open(Path file) {
        return new ServedStore(file);
    }

    /** From now on, no commit reaches the disk until {@link #releaseTheDisk}. */
    void holdTheDisk() {
        disk = new CountDownLatch(1);
    }

    void releaseTheDisk() {
        disk.countDown();
    }

    boolean diskHeld() {
        return disk.getCount() > 0;
    }

    MongoDatabase database() {
        return client.getDatabase("travesia");
    }

    /** A collection of the database, as the store holds it: to look at its indexes. */
    IndexedCollection collection(String name) {
        return (IndexedCollection) backend.resolveDatabase("travesia").resolveCollection(name, true);
    }

    /** The plan the collection would choose for this search (null: a scan), asked as a find asks it. */
    IndexPlan plan(String collection, Bson filter, Bson sort, int skip, int limit) {
        return collection(collection).planFor(serverSide(filter), sort == null ? null : serverSide(sort), skip, limit);
    }

    private static Document serverSide(Bson bson) {
        RawBsonDocument raw = RawBsonDocument.parse(bson.toBsonDocument().toJson());
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(raw.getByteBuffer().asNIO()));
    }

    @Override
    public void close() {
        releaseTheDisk();
        client.close();
        server.shutdown();
    }
}
