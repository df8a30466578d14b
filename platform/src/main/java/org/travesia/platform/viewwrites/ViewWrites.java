package org.travesia.platform.viewwrites;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistry;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;

/**
 * The writes a projection makes to its read models while its processor handles one batch of events, held and sent
 * when the batch ends: one ordered {@code bulkWrite} per step and collection, steps in ascending order. Every
 * acknowledged write on the durable embedded store waits for a group commit (an {@code fsync}); one bulk write per
 * collection pays one instead of one per event (docs/benchmarks.md).
 * <p>
 * A projection that must not write one collection before another (history before state, buckets before the state
 * that says they took an event) puts them in ascending steps: a crash between two bulk writes then leaves what a
 * crash between the single writes left before, and the processor, whose token is stored only after the flush
 * ({@link ViewWritesPerBatch}), hands the batch again to handlers that are idempotent.
 * <p>
 * Reads within a batch must see the batch's own earlier writes (an incident reported and amended in the same batch):
 * a projection keeps what it has written in {@link #local}, which lives as long as the batch, and looks there before
 * the database.
 * <p>
 * A projection that reads a document per event, by the id of the event's aggregate, reads it with
 * {@link #storedById}: for the batch's first such read, the documents of every aggregate in the batch come back in one
 * query, and each later read of the batch is answered from them unless the document is behind its event (an
 * operator's retry of a dead letter wrote meanwhile), when it is read again (docs/benchmarks.md).
 * <p>
 * Outside a unit of work that {@link ViewWritesPerBatch} intercepts (a handler called directly), {@link #current()}
 * answers writes that are sent as they come, in the order they come. A dead letter retried is intercepted: its one
 * event's writes are held and sent once it is handled.
 * <p>
 * Every write keeps its collection's write concern; on the embedded store it is answered once it is on disk. Waiving
 * the journal for a batch's writes, with the token stored after them as what makes them durable, was measured and not
 * kept: a store killed and started again while the services stay up loses the waived writes, and the token then
 * lands on the restarted store without them (docs/benchmarks.md, session 10).
 */
public final class ViewWrites {

    /** The unit-of-work resource under which {@link ViewWritesPerBatch} keeps the batch's writes. */
    static final String RESOURCE = ViewWrites.class.getName();

    private final boolean immediate;
    private final TreeMap<Integer, Map<MongoNamespace, Pending>> steps = new TreeMap<>();
    private final Map<Object, Object> locals = new HashMap<>();
    private final List<Runnable> beforeFlush = new ArrayList<>();
    private final List<Runnable> afterFlush = new ArrayList<>();
    private final Map<MongoNamespace, Map<Object, Document>> readAhead = new HashMap<>();
    private final Set<String> batchAggregates;
    private final Segment segment;

    private ViewWrites(boolean immediate, Set<String> batchAggregates, Segment segment) {
        this.immediate = immediate;
        this.batchAggregates = Set.copyOf(batchAggregates);
        this.segment = segment;
    }

    /**
     * Writes held until {@link #flush()}, for a batch of events of these aggregates, handled by a tracking processor
     * in {@code segment}, or null when the unit of work is not a processor's batch (a dead letter's retry).
     */
    static ViewWrites held(Set<String> batchAggregates, Segment segment) {
        return new ViewWrites(false, batchAggregates, segment);
    }

    /** The current batch's writes, or, outside a batch, writes sent at once. */
    public static ViewWrites current() {
        if (CurrentUnitOfWork.isStarted()) {
            ViewWrites batch = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (batch != null) {
                return batch;
            }
        }
        return new ViewWrites(true, Set.of(), null);
    }

    /**
     * The segment, id and mask, whose events the processor's batch holds; null outside a processor's batch (a dead
     * letter's retry, writes sent at once). Within one JVM no two batches of one processor hold the same segment at
     * once: each holds its segment's claim.
     */
    public Segment segment() {
        return segment;
    }

    /**
     * The document with this {@code _id} as the store holds it, or null, for a handler about to apply its aggregate's
     * event {@code sequence}; the caller's own, to change. {@code sequenceField} is where the document records the
     * last event of the aggregate applied to it.
     * <p>
     * In a batch, an id that is one of the batch's aggregates is answered from one query that read the documents of
     * all of them, on the first such call for the collection, and each is handed out once (asked for again, it is
     * read again). The batch's own writes are sent only when it ends, but one thing may write meanwhile: an operator's
     * retry of a dead letter, which applies an aggregate's parked events and releases its later ones, in this batch
     * among them. A document read ahead is therefore used only when it is not behind the event: null for the
     * aggregate's first event, or recording the event before it or a later one. Otherwise (the retry applied events
     * in between, or the projection skips some of the aggregate's events) it is read again by id, as it always was
     * before the batch read ahead.
     */
    public Document storedById(MongoCollection<Document> collection, Object id, long sequence, String sequenceField) {
        if (!immediate && id != null && batchAggregates.contains(id)) {
            Map<Object, Document> read = readAhead.computeIfAbsent(collection.getNamespace(),
                    namespace -> readAll(collection, batchAggregates));
            if (read.containsKey(id)) {
                Document ahead = read.remove(id);
                if (ahead == null ? sequence == 0 : ahead.get(sequenceField) instanceof Number recorded
                        && recorded.longValue() >= sequence - 1) {
                    return ahead;
                }
            }
        }
        return collection.find(Filters.eq("_id", id)).first();
    }

    private static Map<Object, Document> readAll(MongoCollection<Document> collection, Set<String> ids) {
        Map<Object, Document> read = new HashMap<>();
        ids.forEach(id -> read.put(id, null));
        for (Document document : collection.find(Filters.in("_id", ids))) {
            read.put(document.get("_id"), document);
        }
        return read;
    }

    /** Replaces the document with this {@code _id}, or inserts it; fails the batch if the store refuses it. */
    public void upsert(int step, MongoCollection<Document> collection, Document document) {
        ReplaceOneModel<Document> replace = new ReplaceOneModel<>(new Document("_id", document.get("_id")), document,
                new ReplaceOptions().upsert(true));
        add(step, collection, new PendingWrite(() -> replace, PendingWrite.OnDuplicateKey.FAILS));
    }

    /** Inserts the document unless one with its key is there already (written before a crash, say). */
    public void insertUnlessPresent(int step, MongoCollection<Document> collection, Document document) {
        InsertOneModel<Document> insert = new InsertOneModel<>(document);
        add(step, collection, new PendingWrite(() -> insert, PendingWrite.OnDuplicateKey.DONE));
    }

    /** Deletes the document with this {@code _id}, if there is one. */
    public void deleteById(int step, MongoCollection<Document> collection, Object id) {
        DeleteOneModel<Document> delete = new DeleteOneModel<>(new Document("_id", id));
        add(step, collection, new PendingWrite(() -> delete, PendingWrite.OnDuplicateKey.FAILS));
    }

    /**
     * Updates the document with this {@code _id}, creating it if {@code upsert}. Within a batch, merged into the
     * step's earlier update of the same document if there is one ({@link MergedUpdate}): a document many of the
     * batch's events change is written once, in one atomic update. An upsert that races another writer creating
     * the same document is tried again without the upsert.
     */
    public void updateById(int step, MongoCollection<Document> collection, Object id, MergedUpdate update,
                           boolean upsert) {
        if (update.isEmpty()) {
            return;
        }
        Pending pending = immediate ? null : pending(step, collection);
        if (pending != null && pending.merged().containsKey(id)) {
            pending.merged().get(id).mergeFrom(update);
            return;
        }
        MergedUpdate merged = new MergedUpdate();
        merged.mergeFrom(update);
        PendingWrite write = new PendingWrite(() -> new UpdateOneModel<>(new Document("_id", id), merged.toBson(),
                new UpdateOptions().upsert(upsert)), PendingWrite.OnDuplicateKey.RETRY_WITHOUT_UPSERT);
        if (pending == null) {
            PendingWrite.send(collection, List.of(write));
        } else {
            pending.merged().put(id, merged);
            pending.writes().add(write);
        }
    }

    /**
     * The document as {@code collection} would give it back once written: encoded and decoded with its codecs, so a
     * batch's later events read nested values as a read from the store gives them ({@code Document}, not the
     * {@code Map} they were built from), and a copy that their changes cannot reach into the writes held.
     */
    public static Document asStored(MongoCollection<Document> collection, Document document) {
        CodecRegistry codecs = collection.getCodecRegistry();
        return codecs.get(Document.class).decode(document.toBsonDocument(Document.class, codecs).asBsonReader(),
                DecoderContext.builder().build());
    }

    /** State kept by {@code owner} for as long as the batch lasts; outside a batch, a fresh one on every call. */
    @SuppressWarnings("unchecked")
    public <T> T local(Object owner, Supplier<T> create) {
        return (T) locals.computeIfAbsent(owner, key -> create.get());
    }

    /**
     * Runs when the batch ends, before its writes are sent, and may add writes (at once outside a batch): for a
     * projection that decides its writes with one read for the whole batch rather than one per event.
     */
    public void beforeFlush(Runnable action) {
        if (immediate) {
            action.run();
        } else {
            beforeFlush.add(action);
        }
    }

    /** Runs once the batch's writes are acknowledged (at once outside a batch); never when they fail. */
    public void afterFlush(Runnable action) {
        if (immediate) {
            action.run();
        } else {
            afterFlush.add(action);
        }
    }

    /** Sends every held write, step by step, one ordered bulk write per collection; throws if any fails. */
    void flush() {
        beforeFlush.forEach(Runnable::run);
        beforeFlush.clear();
        for (Map<MongoNamespace, Pending> collections : steps.values()) {
            for (Pending pending : collections.values()) {
                PendingWrite.send(pending.collection(), pending.writes());
            }
        }
        steps.clear();
        locals.clear();
        readAhead.clear();
        afterFlush.forEach(Runnable::run);
        afterFlush.clear();
    }

    private void add(int step, MongoCollection<Document> collection, PendingWrite write) {
        if (immediate) {
            PendingWrite.send(collection, List.of(write));
        } else {
            pending(step, collection).writes().add(write);
        }
    }

    private Pending pending(int step, MongoCollection<Document> collection) {
        return steps.computeIfAbsent(step, s -> new LinkedHashMap<>()).computeIfAbsent(collection.getNamespace(),
                n -> new Pending(collection, new ArrayList<>(), new HashMap<>()));
    }

    private record Pending(MongoCollection<Document> collection, List<PendingWrite> writes,
                           Map<Object, MergedUpdate> merged) {
    }
}
