package org.travesia.ops.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Runs one operation from several threads at once and says how many were completed per second. */
final class Throughput {

    /** One operation; {@code thread} and {@code index} let it make unique ids without sharing a counter. */
    @FunctionalInterface
    interface Operation {
        void run(int thread, int index) throws Exception;
    }

    private Throughput() {
    }

    /** Operations per second while {@code threads} threads run {@code total} operations between them. */
    static double ofCount(int threads, int total, Operation operation) throws Exception {
        int each = total / threads;
        long start = System.nanoTime();
        runEach(threads, (thread, done) -> {
            for (int i = 0; i < each; i++) {
                operation.run(thread, i);
            }
        }, new AtomicLong());
        return each * threads / ((System.nanoTime() - start) / 1e9);
    }

    /** Operations per second that {@code threads} threads complete together in {@code run}. */
    static double forDuration(int threads, Duration run, Operation operation) throws Exception {
        long start = System.nanoTime();
        long end = start + run.toNanos();
        AtomicLong completed = new AtomicLong();
        runEach(threads, (thread, done) -> {
            for (int i = 0; System.nanoTime() < end; i++) {
                operation.run(thread, i);
                done.incrementAndGet();
            }
        }, completed);
        return completed.get() / ((System.nanoTime() - start) / 1e9);
    }

    @FunctionalInterface
    private interface Loop {
        void run(int thread, AtomicLong done) throws Exception;
    }

    private static void runEach(int threads, Loop loop, AtomicLong done) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    loop.run(thread, done);
                    return null;
                }));
            }
            for (Future<?> r : running) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
