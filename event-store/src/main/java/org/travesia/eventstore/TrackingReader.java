package org.travesia.eventstore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongSupplier;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;

import com.mongodb.client.model.Filters;

/**
 * Reads committed events after a gap-aware token, in batches.
 * <p>
 * Each batch asks for the token's gaps plus the next {@code batchSize} positions with one {@code $in} on the unique
 * positions index, so each batch costs the same however large the store is: catch-up is linear on MongoDB and on the
 * embedded server alike. Positions between the token and the highest one seen that are not covered become gaps; they
 * are asked for again on every batch until they are filled or fenced ({@link GapFence}).
 * <p>
 * Per-aggregate order: when a batch reveals new gaps, it is read a second time before anything is delivered. A commit
 * that a later commit of the same aggregate depends on was inserted before that later commit was, so if the first
 * read saw the later one, the second read sees the earlier one.
 * <p>
 * Liveness: a window in which nobody wrote anything, below positions already handed out (writers that crashed after
 * allocating), is looked past rather than waited at: the reader slides on until it finds a commit or reaches the
 * allocator's head, and the positions passed become gaps, which the fence then resolves. Positions open at the head
 * itself, with nothing written after them (a quiet store after a crash), are handed to the fence as well, up to a
 * batch at a time, so they are fenced once the gap timeout passes instead of waiting for the next write.
 */
final class TrackingReader implements Iterator<TrackedEventData<?>> {

    private final EventStoreCollections collections;
    private final GapFence fence;
    private final int batchSize;
    private final LongSupplier highestAllocated;
    private final Deque<TrackedEventData<?>> ready = new ArrayDeque<>();
    private GapAwareTrackingToken token;
    private boolean exhausted;

    TrackingReader(EventStoreCollections collections, GapFence fence, int batchSize, LongSupplier highestAllocated,
                   GapAwareTrackingToken from) {
        this.collections = collections;
        this.fence = fence;
        this.batchSize = batchSize;
        this.highestAllocated = highestAllocated;
        this.token = from;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !exhausted) {
            GapAwareTrackingToken before = token;
            readBatch();
            // Stop once a batch neither delivers nor moves the token (tombstones move it without delivering).
            exhausted = ready.isEmpty() && token.equals(before);
        }
        return !ready.isEmpty();
    }

    @Override
    public TrackedEventData<?> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    private void readBatch() {
        SortedSet<Long> knownGaps = token.getGaps();
        fence.fenceExpired(knownGaps);
        List<Long> wanted = new ArrayList<>(knownGaps.size() + batchSize);
        wanted.addAll(knownGaps);
        long windowEnd = addWindow(wanted, token.getIndex());
        List<Commit> commits = fetch(wanted);
        while (nothingAfterToken(commits) && windowEnd < highestAllocated.getAsLong()) {
            List<Long> next = new ArrayList<>(batchSize);
            windowEnd = addWindow(next, windowEnd);
            wanted.addAll(next);
            commits.addAll(fetch(next));
        }
        if (nothingAfterToken(commits) && fence.fenceExpired(openAtHead(windowEnd))) {
            commits = fetch(wanted);
        }
        if (revealsNewGaps(commits)) {
            commits = fetch(wanted);
        }
        GapAwareTrackingToken t = token;
        for (Commit commit : commits) {
            if (commit.tombstone()) {
                for (long p = commit.firstPosition(); p <= commit.lastPosition(); p++) {
                    t = advance(t, p);
                }
                continue;
            }
            for (StoredEvent event : commit.events()) {
                if (isDelivered(t, event.position())) {
                    continue; // a commit that straddles the token: its first events were delivered before
                }
                t = advance(t, event.position());
                ready.add(event.tracked(t));
            }
        }
        token = t;
    }

    /**
     * The positions after the token, up to a batch of them, once a read found nothing there though the allocator has
     * handed them out: open at the head. Empty when the token is at the head.
     */
    private SortedSet<Long> openAtHead(long windowEnd) {
        SortedSet<Long> open = new TreeSet<>();
        long last = Math.min(Math.min(windowEnd, highestAllocated.getAsLong()), token.getIndex() + batchSize);
        for (long p = token.getIndex() + 1; p <= last; p++) {
            open.add(p);
        }
        return open;
    }

    /** Adds the {@code batchSize} positions after {@code after} and returns the last of them. */
    private long addWindow(List<Long> positions, long after) {
        for (long p = after + 1; p <= after + batchSize; p++) {
            positions.add(p);
        }
        return after + batchSize;
    }

    private boolean nothingAfterToken(List<Commit> commits) {
        return commits.stream().noneMatch(c -> c.lastPosition() > token.getIndex());
    }

    private List<Commit> fetch(List<Long> positions) {
        return Commit.distinct(collections.events().find(Filters.in(EventStoreCollections.POSITIONS, positions)));
    }

    private boolean revealsNewGaps(List<Commit> commits) {
        if (commits.isEmpty()) {
            return false;
        }
        long index = token.getIndex();
        long highest = commits.get(commits.size() - 1).lastPosition();
        long covered = commits.stream()
                .mapToLong(c -> Math.min(c.lastPosition(), highest) - Math.max(c.firstPosition(), index + 1) + 1)
                .filter(n -> n > 0)
                .sum();
        return covered < highest - index;
    }

    private static boolean isDelivered(GapAwareTrackingToken t, long position) {
        return position <= t.getIndex() && !t.getGaps().contains(position);
    }

    private GapAwareTrackingToken advance(GapAwareTrackingToken t, long position) {
        fence.resolved(position);
        if (isDelivered(t, position)) {
            return t;
        }
        // No gap is ever dropped for being old: only filling or fencing removes one.
        return t.advanceTo(position, Integer.MAX_VALUE);
    }
}
