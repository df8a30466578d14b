package org.travesia.ops.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.travesia.ops.metrics.PrometheusScrape;
import org.travesia.platform.testing.Api;

/**
 * A warm-up that lasts until the JIT compilers of the JVMs a phase measures have settled, so that a rate or a latency
 * is the one a long-running service gives, not that of one still compiling its hot paths.
 * <p>
 * Measured 28 November 2026 (JFR, {@code jdk.Compilation}): with the five seconds of warm-up used before, the
 * services' C2 compiler threads took 2 to 3.8 s of compilation per 5 s throughout the HTTP append phases, two to three
 * minutes after the services started, on a machine of two cores the phases were measuring.
 * <p>
 * The warm-up runs in rounds: a load, then whatever lets the system settle before the next (the processors taking the
 * load in). Each JVM's compilation time is read just before and just after the load: this JVM's {@link
 * CompilationMXBean}, or a service's {@code jvm_compilation_time_ms_total} on its Prometheus endpoint. Both count the
 * elapsed time of compilations, summed over the compiler threads: a compilation that waits for a core counts while it
 * waits, so on a crowded machine the figure is above the compilers' CPU. The warm-up stops after the first load during
 * which every JVM compiled for at most {@value #SETTLED} ms per ms, or once another round, as long as the last, would
 * end past the time allowed. Rows say how long it ran, in how many rounds, whether it settled, and the last load's
 * figure.
 */
final class JitWarmUp {

    /** Milliseconds of compilation per millisecond of load at or below which a JVM counts as settled. */
    static final double SETTLED = 0.05;

    private static final String COMPILATION = "jvm_compilation_time_ms_total";

    /** Milliseconds a JVM has spent compiling since it started. */
    @FunctionalInterface
    interface CompileClock {
        double millis() throws Exception;
    }

    /** One round's work; {@code round} counts from 0, for ids that must not repeat. */
    @FunctionalInterface
    interface Round {
        void run(int round) throws Exception;
    }

    /**
     * @param seconds             how long the warm-up ran, its waits between loads included
     * @param rounds              its rounds
     * @param lastLoadCompilation in the last round's load, the most milliseconds of compilation a JVM did per
     *                            millisecond
     * @param settled             whether that was at most {@link #SETTLED}
     */
    record Result(double seconds, int rounds, double lastLoadCompilation, boolean settled) {

        /** A row's columns, then the warm-up's. */
        Object[] after(Object... namesAndValues) {
            Object[] warmUp = {"warm-up s", seconds, "warm-up rounds", rounds, "warm-up settled", settled,
                    "JIT ms per ms at warm-up end", lastLoadCompilation};
            Object[] row = Arrays.copyOf(namesAndValues, namesAndValues.length + warmUp.length);
            System.arraycopy(warmUp, 0, row, namesAndValues.length, warmUp.length);
            return row;
        }
    }

    private JitWarmUp() {
    }

    /** This JVM's compilers, as {@link CompilationMXBean} counts them. */
    static CompileClock thisJvm() {
        CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
        if (compilation == null || !compilation.isCompilationTimeMonitoringSupported()) {
            throw new IllegalStateException("This JVM does not report its compilation time");
        }
        return compilation::getTotalCompilationTime;
    }

    /** A service's compilers, read as its operator from its Prometheus endpoint. */
    static CompileClock service(Api operator) {
        return () -> {
            Api.Response scrape = operator.get("/actuator/prometheus");
            if (scrape.status() != 200) {
                throw new IllegalStateException("The Prometheus endpoint answered " + scrape);
            }
            return compilationMillis(scrape.body());
        };
    }

    /** The sum of {@code jvm_compilation_time_ms_total} over its series in a Prometheus scrape. */
    static double compilationMillis(String scrape) {
        List<PrometheusScrape.Sample> series = PrometheusScrape.parse(scrape).samples(COMPILATION);
        if (series.isEmpty()) {
            throw new IllegalStateException("The scrape has no " + COMPILATION);
        }
        return series.stream().mapToDouble(PrometheusScrape.Sample::value).sum();
    }

    /**
     * Rounds of {@code load}, each followed by {@code between}, until every JVM of {@code jvms} has settled during a
     * load or {@code atMost} would be passed; at least one round.
     */
    static Result until(Duration atMost, List<CompileClock> jvms, Round load, Round between) throws Exception {
        return until(atMost, jvms, load, between, System::nanoTime);
    }

    static Result until(Duration atMost, List<CompileClock> jvms, Round load, Round between, LongSupplier nanoTime)
            throws Exception {
        long start = nanoTime.getAsLong();
        for (int round = 0; ; round++) {
            long roundStart = nanoTime.getAsLong();
            double[] before = read(jvms);
            long loadStart = nanoTime.getAsLong();
            load.run(round);
            double loadMillis = Math.max(1, (nanoTime.getAsLong() - loadStart) / 1e6);
            double[] after = read(jvms);
            double busiest = 0;
            StringBuilder each = new StringBuilder();
            for (int j = 0; j < jvms.size(); j++) {
                double perMilli = (after[j] - before[j]) / loadMillis;
                busiest = Math.max(busiest, perMilli);
                each.append(j == 0 ? "" : ", ").append(String.format("%.3f", perMilli));
            }
            System.out.printf("[bench] warm-up round %d, load %.1f s: JIT ms per ms, per JVM: %s%n", round + 1,
                    loadMillis / 1e3, each);
            boolean settled = busiest <= SETTLED;
            if (!settled) {
                between.run(round);
            }
            long now = nanoTime.getAsLong();
            if (settled || (now - start) + (now - roundStart) > atMost.toNanos()) {
                return new Result((now - start) / 1e9, round + 1, busiest, settled);
            }
        }
    }

    private static double[] read(List<CompileClock> jvms) throws Exception {
        double[] millis = new double[jvms.size()];
        for (int j = 0; j < millis.length; j++) {
            millis[j] = jvms.get(j).millis();
        }
        return millis;
    }
}
