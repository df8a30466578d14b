package org.travesia.ops.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;

/**
 * Makes every write durable before it is acknowledged, and every commit one consistent cut of the whole store.
 * <p>
 * MVStore on its own does neither. Its commit captures the maps' roots one after another while writers carry on, so
 * one chunk can hold a newer version of one map (a token, the position counter, a unique index) next to an older
 * version of another (the events, the read model, the documents that index points at); and its background commit
 * runs on a timer, long after the client has been told its write is safe.
 * <p>
 * Here every write runs under a shared lock, and the committer takes that lock exclusively only while MVStore
 * captures the roots and writes the chunk (and, now and then, compacts: {@link ChunkCompaction}). No write is ever half in a commit, and since a write that depends on
 * another (it read it, or its client waited for it) starts after that one finished, a commit that holds it holds
 * everything before it. After the chunk is written the committer forces it to the disk, outside the lock, while the
 * next writes run, and only then are the writes it holds acknowledged. Writes that arrive while one commit is in
 * flight share the next one: one fsync for as many writers as are waiting (group commit).
 * <p>
 * A write whose client waived the journal ({@link #writeWithoutWaiting}) starts no commit of its own: it goes into the
 * next one a waiting write starts, or, if none comes, one started after {@link #UNJOURNALED_INTERVAL} (MongoDB's
 * default journal commit interval). Committing it at once would make a waiting write that follows it queue behind that
 * commit's fsync and pay two after all. It is lost if the store dies before that commit, whatever its client sends
 * to the store once restarted (the event store allocated positions this way until session 11; see
 * {@code EventStoreCollections#allocations()}).
 */
final class GroupCommit implements AutoCloseable {

    /** How long a write that waived the journal may stay in memory when no waiting write comes to carry it. */
    static final Duration UNJOURNALED_INTERVAL = Duration.ofMillis(100);

    private final MVStore store;
    private final Runnable forceToDisk;
    private final long unjournaledIntervalNanos;
    private final ChunkCompaction compaction;
    private final ReentrantReadWriteLock cut = new ReentrantReadWriteLock();
    private final Object progress = new Object();
    private final Thread committer;

    // Guarded by progress. Writes are counted as they finish; a commit covers every write counted before it.
    private long finishedWrites;
    private long durableWrites;
    // The last write whose client waits for it; and since when finished writes nobody waits for have been pending.
    private long awaitedWrites;
    private long unawaitedSinceNanos;
    private RuntimeException failure;
    private boolean closing;

    GroupCommit(MVStore store) {
        this(store, store::sync, UNJOURNALED_INTERVAL);
    }

    /**
     * {@code forceToDisk} forces what the store has written to the disk ({@link MVStore#sync()});
     * {@code unjournaledInterval} bounds how long a write that waived the journal waits for a commit.
     */
    GroupCommit(MVStore store, Runnable forceToDisk, Duration unjournaledInterval) {
        this.store = store;
        this.forceToDisk = forceToDisk;
        this.unjournaledIntervalNanos = unjournaledInterval.toNanos();
        this.compaction = new ChunkCompaction(store);
        this.committer = new Thread(this::commitWhileWritesArrive, "store-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /**
     * Runs one write and returns once a commit holding it is on disk. If the write fails half-way, what it did
     * is made durable all the same before the failure is passed on: the client may act on either.
     */
    <T> T write(Supplier<T> operation) {
        long ticket;
        cut.readLock().lock();
        try {
            return operation.get();
        } finally {
            ticket = finish(true);
            awaitDurable(ticket);
        }
    }

    /**
     * Runs one write and returns as soon as it is applied, before it is on disk: for a client that waived the journal
     * ({@code j: false}). It is counted like any other, so the commit that holds any write starting after it returned
     * holds it too: a write that depends on it (its client went on to it, or read what it wrote) is never on disk
     * without it. A crash before that commit loses it, as MongoDB may lose an unjournaled write.
     */
    <T> T writeWithoutWaiting(Supplier<T> operation) {
        cut.readLock().lock();
        T result;
        try {
            result = operation.get();
        } finally {
            finish(false);
        }
        synchronized (progress) {
            if (failure != null) {
                throw new StoreFailure("The store cannot make writes durable and accepts no more writes", failure);
            }
        }
        return result;
    }

    /**
     * Counts a write as finished, for the next commit to cover, lets the committer know (whether its client waits
     * for it), and releases the read lock the write ran under.
     */
    private long finish(boolean awaited) {
        long ticket;
        synchronized (progress) {
            ticket = ++finishedWrites;
            if (awaited) {
                awaitedWrites = ticket;
            } else if (unawaitedSinceNanos == 0) {
                unawaitedSinceNanos = System.nanoTime();
            }
            progress.notifyAll();
        }
        cut.readLock().unlock();
        return ticket;
    }

    private void awaitDurable(long ticket) {
        synchronized (progress) {
            while (durableWrites < ticket && failure == null) {
                try {
                    progress.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreFailure("Interrupted before the write was durable", e);
                }
            }
            if (durableWrites < ticket) {
                throw new StoreFailure("The store could not make the write durable and accepts no more writes", failure);
            }
        }
    }

    private void commitWhileWritesArrive() {
        while (true) {
            synchronized (progress) {
                try {
                    while (!commitDue()) {
                        waitForWrites();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new StoreFailure("The committer was interrupted", e);
                    progress.notifyAll();
                    return;
                }
                if (finishedWrites == durableWrites) {
                    return;
                }
            }
            try {
                long covered = commitOneCut();
                synchronized (progress) {
                    durableWrites = covered;
                    // Writes that finished after the cut are pending from now on, as far as the interval goes.
                    unawaitedSinceNanos = finishedWrites > covered ? System.nanoTime() : 0;
                    progress.notifyAll();
                }
            } catch (RuntimeException e) {
                synchronized (progress) {
                    failure = e;
                    progress.notifyAll();
                }
                return;
            }
        }
    }

    /**
     * Under {@code progress}: whether to commit now (a client waits, a write that waived the journal has waited its
     * interval, or the store is closing), or to stop (closing with nothing left).
     */
    private boolean commitDue() {
        if (closing || awaitedWrites > durableWrites) {
            return true;
        }
        return finishedWrites > durableWrites && System.nanoTime() - unawaitedSinceNanos >= unjournaledIntervalNanos;
    }

    /** Under {@code progress}: until a write finishes, or until the oldest write nobody waits for is due. */
    private void waitForWrites() throws InterruptedException {
        if (finishedWrites > durableWrites) {
            long dueInNanos = unjournaledIntervalNanos - (System.nanoTime() - unawaitedSinceNanos);
            TimeUnit.NANOSECONDS.timedWait(progress, Math.max(1, dueInNanos));
        } else {
            progress.wait();
        }
    }

    /** Commits everything finished so far as one chunk, forces it to disk, and returns how many writes it covers. */
    private long commitOneCut() {
        long covered;
        cut.writeLock().lock();
        try {
            synchronized (progress) {
                covered = finishedWrites;
            }
            compaction.compactIfDue();
            store.commit();
        } finally {
            cut.writeLock().unlock();
        }
        // Also when the commit found nothing to store: a store that has closed (or panicked on an I/O error) answers
        // a commit with "nothing to do", and only sync() says it is closed.
        forceToDisk.run();
        return covered;
    }

    /**
     * Runs {@code action} with no write in progress and none starting, after committing every write finished so far:
     * what the store's file holds meanwhile is one consistent state, the latest. Writes wait until it returns, so it
     * must be short. The committer still forces that commit to disk and acknowledges its writes, as for its own.
     */
    <T> T exclusively(Supplier<T> action) {
        cut.writeLock().lock();
        try {
            store.commit();
            return action.get();
        } finally {
            cut.writeLock().unlock();
        }
    }

    /** Commits what is pending, then stops the committer. Writes after this are not accepted. */
    @Override
    public void close() {
        synchronized (progress) {
            closing = true;
            progress.notifyAll();
        }
        try {
            committer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (progress) {
            if (failure == null) {
                failure = new StoreFailure("The store is closed");
            }
        }
    }
}
