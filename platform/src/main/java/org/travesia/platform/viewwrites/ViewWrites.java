package org.travesia.platform.viewwrites;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;

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
 * Outside a batch (a dead letter retried, a handler called directly), {@link #current()} answers writes that are
 * sent as they come, in the order they come: one event's writes, as before batching.
 */
public final class ViewWrites {

    /** The unit-of-work resource under which {@link ViewWritesPerBatch} keeps the batch's writes. */
    static final String RESOURCE = ViewWrites.class.getName();

    private final boolean immediate;
    private final TreeMap<Integer, Map<MongoNamespace, Pending>> steps = new TreeMap<>();
    private final Map<Object, Object> locals = new HashMap<>();
    private final List<Runnable> afterFlush = new ArrayList<>();

    private ViewWrites(boolean immediate) {
        this.immediate = immediate;
    }

    /** Writes held until {@link #flush()}. */
    static ViewWrites held() {
        return new ViewWrites(false);
    }

    /** The current batch's writes, or, outside a batch, writes sent at once. */
    public static ViewWrites current() {
        if (CurrentUnitOfWork.isStarted()) {
            ViewWrites batch = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (batch != null) {
                return batch;
            }
        }
        return new ViewWrites(true);
    }

    /** A write whose failure fails the batch. */
    public void write(int step, MongoCollection<Document> collection, WriteModel<Document> write) {
        add(step, collection, new PendingWrite(write, PendingWrite.OnDuplicateKey.FAILS));
    }

    /** Replaces the document with this {@code _id}, or inserts it. */
    public void upsert(int step, MongoCollection<Document> collection, Document document) {
        write(step, collection, new ReplaceOneModel<>(new Document("_id", document.get("_id")), document,
                new ReplaceOptions().upsert(true)));
    }

    /** Inserts the document unless one with its key is there already (written before a crash, say). */
    public void insertUnlessPresent(int step, MongoCollection<Document> collection, Document document) {
        add(step, collection, new PendingWrite(new InsertOneModel<>(document), PendingWrite.OnDuplicateKey.DONE));
    }

    /**
     * An upsert whose filter may refuse an existing document (a mark saying it took this change already): the insert
     * the server then tries fails on the {@code _id}, as does one racing another writer creating the same document;
     * either way the update is tried again without the upsert, on the document that is there.
     */
    public void upsertUnlessRefused(int step, MongoCollection<Document> collection, Bson filter, Bson update) {
        add(step, collection, new PendingWrite(new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(true)),
                PendingWrite.OnDuplicateKey.RETRY_WITHOUT_UPSERT));
    }

    /** State kept by {@code owner} for as long as the batch lasts; outside a batch, a fresh one on every call. */
    @SuppressWarnings("unchecked")
    public <T> T local(Object owner, Supplier<T> create) {
        return (T) locals.computeIfAbsent(owner, key -> create.get());
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
        for (Map<MongoNamespace, Pending> collections : steps.values()) {
            for (Pending pending : collections.values()) {
                PendingWrite.send(pending.collection(), pending.writes());
            }
        }
        steps.clear();
        locals.clear();
        afterFlush.forEach(Runnable::run);
        afterFlush.clear();
    }

    private void add(int step, MongoCollection<Document> collection, PendingWrite write) {
        if (immediate) {
            PendingWrite.send(collection, List.of(write));
            return;
        }
        steps.computeIfAbsent(step, s -> new LinkedHashMap<>())
                .computeIfAbsent(collection.getNamespace(), n -> new Pending(collection, new ArrayList<>()))
                .writes().add(write);
    }

    private record Pending(MongoCollection<Document> collection, List<PendingWrite> writes) {
    }
}
