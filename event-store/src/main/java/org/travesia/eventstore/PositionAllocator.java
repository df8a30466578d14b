package org.travesia.eventstore;

import org.bson.Document;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Hands out blocks of global positions from a counter document, atomically ({@code findOneAndUpdate} with
 * {@code $inc}). Positions start at 1. A block that is never written (a crash, a conflict) leaves a gap that readers
 * eventually fence off; positions are cheap, silence is not.
 */
final class PositionAllocator {

    static final String COUNTER_ID = "global";
    static final String LAST = "last";

    private final EventStoreCollections collections;

    PositionAllocator(EventStoreCollections collections) {
        this.collections = collections;
    }

    /**
     * Allocates {@code count} consecutive positions and returns the first. The block is computed from the counter
     * as it was before the increment: the embedded server can answer a concurrent "after" with another writer's
     * value, while "before" is a copy taken inside the atomic update on every server. It is on disk, and on a majority
     * of a replica set, before it is answered ({@link EventStoreCollections#allocations()}).
     */
    long allocate(int count) {
        Document before = collections.allocations().findOneAndUpdate(
                Filters.eq("_id", COUNTER_ID),
                Updates.inc(LAST, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        long lastBefore = before == null ? 0 : ((Number) before.get(LAST)).longValue();
        return lastBefore + 1;
    }

    /** The highest position handed out so far (0 on an empty store). Some may still be in flight. */
    long highestAllocated() {
        Document counter = collections.counters().find(Filters.eq("_id", COUNTER_ID)).first();
        return counter == null ? 0 : ((Number) counter.get(LAST)).longValue();
    }
}
