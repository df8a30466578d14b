package org.travesia.eventstore;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/**
 * Resolves gaps that stay open too long, without ever skipping an event.
 * <p>
 * A gap is a position that was allocated but is not (yet) visible: a commit in flight, or one that will never come
 * (a crashed writer, a commit that lost a concurrency conflict). Instead of giving up on it after a timeout, as
 * timestamp- or offset-based trackers do, a reader inserts a tombstone at that position. The unique index on
 * positions makes this a race with exactly one winner: either the real commit is already there (the tombstone is
 * refused and the commit gets read), or the tombstone lands and the late writer's insert is refused, after which the
 * writer re-allocates and retries. Either way, nothing committed is passed over.
 */
final class GapFence {

    private static final Logger log = LoggerFactory.getLogger(GapFence.class);
    private static final int MAX_TRACKED_GAPS = 100_000;

    private final EventStoreCollections collections;
    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private final Map<Long, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final AtomicLong fenced = new AtomicLong();

    GapFence(EventStoreCollections collections, Duration timeout, LongSupplier nanoClock) {
        this.collections = collections;
        this.timeoutNanos = timeout.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Notes when each gap was first seen and fences those open longer than the timeout.
     *
     * @return true if a tombstone was inserted or a fence lost to a real commit: the caller should read again.
     */
    boolean fenceExpired(SortedSet<Long> gaps) {
        if (gaps.isEmpty()) {
            return false;
        }
        if (firstSeenNanos.size() > MAX_TRACKED_GAPS) {
            // Only delays fencing (clocks restart); never skips.
            firstSeenNanos.clear();
        }
        long now = nanoClock.getAsLong();
        boolean changed = false;
        for (long gap : gaps) {
            long seen = firstSeenNanos.computeIfAbsent(gap, g -> now);
            if (now - seen >= timeoutNanos) {
                changed |= fence(gap);
            }
        }
        return changed;
    }

    private boolean fence(long position) {
        try {
            collections.events().insertOne(Commit.tombstone(position, 1, new Date()));
            fenced.incrementAndGet();
            log.warn("Fenced event position {}: allocated but not written within the gap timeout", position);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            log.debug("Position {} was written before it could be fenced", position);
        }
        firstSeenNanos.remove(position);
        return true;
    }

    void resolved(long position) {
        firstSeenNanos.remove(position);
    }

    /** How long the oldest of {@code gaps} has been open, as this instance's readers saw it; empty if none was seen. */
    Optional<Duration> openFor(SortedSet<Long> gaps) {
        long now = nanoClock.getAsLong();
        return gaps.stream().map(firstSeenNanos::get).filter(Objects::nonNull).min(Long::compare)
                .map(seen -> Duration.ofNanos(now - seen));
    }

    long fencedCount() {
        return fenced.get();
    }
}
