package org.travesia.ops.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * The limit every figure is a ratio of: the official driver doing the equivalent raw work on the same store, in the
 * same run. Raw collections are named {@code raw_*}, apart from everything Travesía reads.
 */
final class RawLimit {

    static final int INSERT_MANY_BATCH = 100;
    /** The raw limits write into collections of their own, named with this, beside the system's. */
    static final String RAW_PREFIX = "raw_";
    /** The BSON an {@code _id} string of a UUID and a string field cost around the payload. */
    private static final int DOCUMENT_OVERHEAD = 70;

    private final MongoDatabase database;

    RawLimit(MongoDatabase database) {
        this.database = database;
    }

    /** A document of about {@code bytes} bytes of BSON, under a fresh id. */
    static Document documentOf(int bytes) {
        return new Document("_id", UUID.randomUUID().toString())
                .append("payload", "x".repeat(Math.max(1, bytes - DOCUMENT_OVERHEAD)));
    }

    /** Documents per second that {@code threads} writers insert with {@code insertMany}, in batches of 100. */
    double insertManyRate(int threads, Duration run, int documentBytes) throws Exception {
        MongoCollection<Document> raw = database.getCollection(RAW_PREFIX + "insert_many");
        return INSERT_MANY_BATCH * Throughput.forDuration(threads, run, (thread, index) -> raw.insertMany(batch(documentBytes)));
    }

    /**
     * What projecting {@code events} events costs at the driver's limit: one cursor over every commit in the event
     * store, then one history document per event and one view document per incident written with {@code
     * insertMany} by four writers, each the size of the read model's own documents. Answers the seconds it took.
     */
    double readAndWriteSeconds(long events, long incidents, int historyBytes, int incidentBytes) throws Exception {
        long start = System.nanoTime();
        long read = 0;
        for (RawBsonDocument commit : database.getCollection("events", RawBsonDocument.class).find().batchSize(1_000)) {
            read += commit.isEmpty() ? 0 : 1;
        }
        if (read == 0) {
            throw new IllegalStateException("the event store is empty");
        }
        MongoCollection<Document> history = database.getCollection(RAW_PREFIX + "history");
        MongoCollection<Document> views = database.getCollection(RAW_PREFIX + "incidents");
        int writers = 4;
        long historyBatches = (events + INSERT_MANY_BATCH - 1) / INSERT_MANY_BATCH;
        long viewBatches = (incidents + INSERT_MANY_BATCH - 1) / INSERT_MANY_BATCH;
        Throughput.ofCount(writers, (int) ((historyBatches + writers - 1) / writers * writers), (thread, index) ->
                history.insertMany(batch(historyBytes)));
        Throughput.ofCount(writers, (int) ((viewBatches + writers - 1) / writers * writers), (thread, index) ->
                views.insertMany(batch(incidentBytes)));
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Documents per second that one writer inserts, {@code documents} of them of about {@code documentBytes} bytes,
     * with {@code insertMany} in batches of 100: the limit of a phase that wrote that many commits, such as an import.
     */
    double insertManyRateOf(long documents, int documentBytes) {
        MongoCollection<Document> raw = database.getCollection(RAW_PREFIX + "insert_many");
        long start = System.nanoTime();
        for (long written = 0; written < documents; written += INSERT_MANY_BATCH) {
            List<Document> batch = batch(documentBytes);
            raw.insertMany(batch.subList(0, (int) Math.min(INSERT_MANY_BATCH, documents - written)));
        }
        return documents / ((System.nanoTime() - start) / 1e9);
    }

    /** A whole collection read as raw BSON through one cursor: how much, and how long it took. */
    record CursorRead(long documents, double megabytes, double seconds) {

        double megabytesPerSecond() {
            return megabytes / seconds;
        }
    }

    /**
     * Every document of {@code collection} through one cursor, as raw BSON (nothing decoded): the limit of a phase
     * that reads the whole collection, such as an export of the incident view.
     */
    CursorRead cursorRead(String collection) {
        long start = System.nanoTime();
        long documents = 0;
        long bytes = 0;
        for (RawBsonDocument document : database.getCollection(collection, RawBsonDocument.class).find()
                .batchSize(1_000)) {
            documents++;
            bytes += document.getByteBuffer().remaining();
        }
        if (documents == 0) {
            throw new IllegalStateException(collection + " is empty");
        }
        return new CursorRead(documents, bytes / 1e6, (System.nanoTime() - start) / 1e9);
    }

    /** The position of the event store's last commit, 0 when it is empty: what comes after it was appended since. */
    long lastCommitPosition() {
        Document last = database.getCollection("events").find().projection(Projections.include("_id"))
                .sort(Sorts.descending("_id")).limit(1).first();
        return last == null ? 0 : ((Number) last.get("_id")).longValue();
    }

    /**
     * What was appended after {@code position}: its commits (not tombstones), the events in them, and their BSON
     * bytes. An import commits many events at once, so its raw limit is one document per event, of the mean size of
     * an event's share of its commit.
     */
    Appended appendedAfter(long position) {
        Appended appended = new Appended(0, 0, 0);
        for (RawBsonDocument commit : database.getCollection("events", RawBsonDocument.class)
                .find(Filters.and(Filters.gt("_id", position), Filters.exists("events")))) {
            appended = new Appended(appended.commits() + 1, appended.events() + commit.getArray("events").size(),
                    appended.bytes() + commit.getByteBuffer().remaining());
        }
        return appended;
    }

    record Appended(long commits, long events, long bytes) {

        int meanEventBytes() {
            return (int) (bytes / Math.max(1, events));
        }
    }

    /** The mean BSON size of up to 1,000 documents of a collection matching {@code filter}. */
    int meanDocumentBytes(String collection, Bson filter) {
        long count = 0;
        long bytes = 0;
        for (RawBsonDocument document : database.getCollection(collection, RawBsonDocument.class).find(filter)
                .limit(1_000)) {
            count++;
            bytes += document.getByteBuffer().remaining();
        }
        if (count == 0) {
            throw new IllegalStateException("no document in " + collection + " matches " + filter);
        }
        return (int) (bytes / count);
    }

    /**
     * The BSON bytes of every document in the database but the raw limits' own ({@value #RAW_PREFIX}…), indexes not
     * included, read through one cursor per collection. Not {@code dbStats}' {@code dataSize}: mongo-java-server keeps
     * each collection's size as an {@code int}, which wraps past 2 GiB.
     */
    long documentBytesOfTheSystem() {
        long bytes = 0;
        for (String name : database.listCollectionNames()) {
            if (name.startsWith(RAW_PREFIX)) {
                continue;
            }
            for (RawBsonDocument document : database.getCollection(name, RawBsonDocument.class).find()
                    .batchSize(1_000)) {
                bytes += document.getByteBuffer().remaining();
            }
        }
        return bytes;
    }

    int meanDocumentBytes(String collection) {
        return meanDocumentBytes(collection, new BsonDocument());
    }

    private static List<Document> batch(int documentBytes) {
        List<Document> batch = new ArrayList<>(INSERT_MANY_BATCH);
        for (int d = 0; d < INSERT_MANY_BATCH; d++) {
            batch.add(documentOf(documentBytes));
        }
        return batch;
    }
}
