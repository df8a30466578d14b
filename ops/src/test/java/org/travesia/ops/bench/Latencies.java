package org.travesia.ops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Durations collected one by one, summed up as percentiles in milliseconds. */
final class Latencies {

    private final List<Long> nanos = new ArrayList<>();

    synchronized void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    /** Times {@code call} and keeps its duration. */
    <T> T time(Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        add(System.nanoTime() - start);
        return result;
    }

    synchronized int count() {
        return nanos.size();
    }

    /** The value below which {@code percent} of the durations fall (nearest rank), in milliseconds. */
    synchronized double percentileMillis(double percent) {
        if (nanos.isEmpty()) {
            throw new IllegalStateException("nothing was measured");
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        int rank = (int) Math.ceil(sorted.size() * percent / 100.0);
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p99() {
        return percentileMillis(99);
    }

    double maxMillis() {
        return percentileMillis(100);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms, n %d", p50(), p99(), maxMillis(),
                count());
    }
}
