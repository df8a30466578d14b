package org.travesia.eventstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.bson.Document;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Where the store's positions stand: the counter that hands them out, and the commits (and tombstones) that occupy
 * them. In a sound store every occupied position is at or below the counter, and every processor's token is at or
 * below the highest occupied position (a reader only moves past positions it has seen occupied). A crash that
 * persisted some collections newer than others breaks that; these probes find it at start-up.
 * <p>
 * The probes ask for windows of positions with {@code $in} on the unique positions index, the one read both servers
 * serve from an index, so each costs the same however large the store is.
 */
public final class StorePositions {

    /** The repair for a counter behind the commits; the tool is {@code ops/repair-store}. */
    public static final String RAISE_COUNTER = "./ops/repair-store raise-counter";

    static final int WINDOW = 1024;

    private final EventStoreCollections collections;
    private final PositionAllocator allocator;

    public StorePositions(EventStoreCollections collections) {
        this.collections = collections;
        this.allocator = new PositionAllocator(collections);
    }

    /** The highest position handed out (0 on an empty store). */
    public long counter() {
        return allocator.highestAllocated();
    }

    /**
     * The lowest occupied position in the {@value #WINDOW} positions above the counter, if any. There must be none:
     * the counter would hand those positions out again. A counter left behind by a crash lost the increments of the
     * commits right above it, so the first of those is the position right after it: the window finds it, unless
     * writers also lost a whole window's worth of positions in a row there.
     */
    public OptionalLong occupiedAboveCounter() {
        long counter = counter();
        List<Long> found = occupied(positions(counter + 1, counter + WINDOW));
        if (found.isEmpty()) {
            return OptionalLong.empty();
        }
        // Other instances may be appending: a commit is written after its positions were counted, so only what is
        // above the counter read again now is wrong.
        long now = counter();
        return found.stream().mapToLong(Long::longValue).filter(p -> p > now).min();
    }

    /** Refuses to go on when a commit sits above the counter. */
    public void requireCounterAtOrAboveEveryCommit() {
        OptionalLong above = occupiedAboveCounter();
        if (above.isPresent()) {
            throw new InconsistentStoreException("The event store's position counter (" + EventStoreCollections.COUNTERS
                    + ", at " + counter() + ") is behind a commit stored at position " + above.getAsLong()
                    + ": new events would be given positions already taken. Nothing has been appended.", RAISE_COUNTER);
        }
    }

    /**
     * The highest occupied position at or below the counter (0 if none), looking down from the counter a window at
     * a time: positions handed out but never written (writers that died) are passed over.
     */
    public long highestOccupied() {
        for (long top = counter(); top > 0; top -= WINDOW) {
            List<Long> window = positions(Math.max(1, top - WINDOW + 1), top);
            long limit = top;
            OptionalLong highest = occupied(window).stream().mapToLong(Long::longValue).filter(p -> p <= limit).max();
            if (highest.isPresent()) {
                return highest.getAsLong();
            }
        }
        return 0;
    }

    /** The highest occupied position, by reading every commit: for a repair, never for a hot path. */
    public long highestOccupiedByScan() {
        long highest = 0;
        for (Document commit : collections.events().find().projection(Projections.include(EventStoreCollections.POSITIONS))) {
            for (Object position : commit.getList(EventStoreCollections.POSITIONS, Object.class)) {
                highest = Math.max(highest, ((Number) position).longValue());
            }
        }
        return highest;
    }

    /** Moves the counter up to {@code position} if it is below; never down. As durable as an allocation. */
    public void raiseCounterTo(long position) {
        collections.allocations().updateOne(Filters.eq("_id", PositionAllocator.COUNTER_ID),
                Updates.max(PositionAllocator.LAST, position), new UpdateOptions().upsert(true));
    }

    /**
     * An aggregate's event stored at a higher position than a later event of the same aggregate: a reader from the
     * start (a replay) meets {@code sequence} at {@code position} after {@code laterSequence} at
     * {@code laterPosition}.
     */
    public record Misordered(String aggregateId, long sequence, long position, long laterSequence,
                             long laterPosition) {
    }

    /**
     * What {@link #eventsOutOfOrder} read (commits, tombstones left out), and the first {@code listed} events it
     * found out of order of the {@code misordered} in all.
     */
    public record OrderCheck(long commits, long aggregates, long highestPosition, long misordered,
                             List<Misordered> listed) {
    }

    /**
     * Reads every commit, by its positions, a window at a time from the first to the counter and beyond it while
     * windows still hold commits, and finds each event stored above a later event of its aggregate. A sound store
     * has none: an aggregate's appends take positions in the order of its events. An allocation the store forgot
     * (a store killed and restarted under running writers, before allocations waited for the disk) could put an
     * aggregate's next event below the one before it. For a check with the services stopped, never for a hot path;
     * it keeps one entry per aggregate in memory.
     */
    public OrderCheck eventsOutOfOrder(int listed) {
        Map<String, long[]> lastByAggregate = new HashMap<>();
        List<Misordered> found = new ArrayList<>();
        long misordered = 0;
        long commits = 0;
        long lastFirstPosition = 0;
        long highest = 0;
        long counter = counter();
        for (long from = 1; ; from += WINDOW) {
            List<Commit> inWindow = Commit.distinct(collections.events().find(
                    Filters.in(EventStoreCollections.POSITIONS, positions(from, from + WINDOW - 1))));
            if (inWindow.isEmpty() && from > counter) {
                break;
            }
            for (Commit commit : inWindow) {
                if (commit.firstPosition() <= lastFirstPosition) {
                    continue;
                }
                lastFirstPosition = commit.firstPosition();
                highest = Math.max(highest, commit.lastPosition());
                if (commit.tombstone()) {
                    continue;
                }
                commits++;
                for (StoredEvent event : commit.events()) {
                    if (!event.isDomainEvent()) {
                        continue;
                    }
                    long[] last = lastByAggregate.get(event.aggregateId());
                    if (last != null && event.sequenceNumber() < last[0]) {
                        misordered++;
                        if (found.size() < listed) {
                            found.add(new Misordered(event.aggregateId(), event.sequenceNumber(), event.position(),
                                    last[0], last[1]));
                        }
                    } else {
                        lastByAggregate.put(event.aggregateId(), new long[] {event.sequenceNumber(), event.position()});
                    }
                }
            }
        }
        return new OrderCheck(commits, lastByAggregate.size(), highest, misordered, List.copyOf(found));
    }

    /** The positions from {@code first} to {@code last}, both included: a window to ask for by {@code $in}. */
    private static List<Long> positions(long first, long last) {
        List<Long> positions = new ArrayList<>((int) Math.max(0, last - first + 1));
        for (long p = first; p <= last; p++) {
            positions.add(p);
        }
        return positions;
    }

    /** Every position occupied by the commits that occupy any of {@code positions}. */
    private List<Long> occupied(List<Long> positions) {
        List<Long> occupied = new ArrayList<>();
        for (Document commit : collections.events().find(Filters.in(EventStoreCollections.POSITIONS, positions))
                .projection(Projections.include(EventStoreCollections.POSITIONS))) {
            for (Object position : commit.getList(EventStoreCollections.POSITIONS, Object.class)) {
                occupied.add(((Number) position).longValue());
            }
        }
        return occupied;
    }
}
