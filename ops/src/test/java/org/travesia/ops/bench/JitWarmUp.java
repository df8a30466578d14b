package org.travesia.ops.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.travesia.platform.testing.Api;

/**
 * A warm-up that lasts until the JIT compilers of the JVMs a phase measures have settled, so that a rate or a latency
 * is the one a long-running service gives, not that of one still compiling its hot paths.
 * <p>
 * Measured 28 November 2026 (JFR, {@code jdk.Compilation}): with the five seconds of warm-up used before, the
 * services' C2 compiler threads took 2 to 3.8 s of compilation per 5 s throughout the HTTP append phases, two to three
 * minutes after the services started, on a machine of two cores the phases were measuring.
 * <p>
 * The warm-up runs in rounds. After each, it reads how many milliseconds each JVM spent compiling during the round
 * (this JVM's {@link CompilationMXBean}, or a service's {@code jvm_compilation_time_ms_total} on its Prometheus
 * endpoint). It stops once every JVM compiled for at most {@value #SETTLED_SHARE} of the round's wall time, or when
 * the time allowed is up; the result says which, and rows carry it.
 */
final class JitWarmUp {

    /** Compilation, as a share of one core, below which a JVM counts as settled. */
    static final double SETTLED_SHARE = 0.05;

    private static final Pattern COMPILATION = Pattern.compile(
            "(?m)^jvm_compilation_time_ms_total(?:\\{[^}]*})? ([0-9.eE+]+)$");

    /** Milliseconds a JVM has spent compiling since it started. */
    @FunctionalInterface
    interface CompileClock {
        double millis() throws Exception;
    }

    /** One round of the warm-up's work; {@code round} counts from 0, for ids that must not repeat. */
    @FunctionalInterface
    interface Round {
        void run(int round) throws Exception;
    }

    /**
     * @param seconds               how long the warm-up ran
     * @param rounds                its rounds
     * @param lastRoundCompileShare in the last round, the largest share of one core a JVM spent compiling
     * @param settled               whether that share was at most {@link #SETTLED_SHARE}
     */
    record Result(double seconds, int rounds, double lastRoundCompileShare, boolean settled) {

        /** A row's columns, then how long the warm-up was and how busy the busiest JIT still was at its end. */
        Object[] after(Object... namesAndValues) {
            Object[] row = Arrays.copyOf(namesAndValues, namesAndValues.length + 4);
            row[namesAndValues.length] = "warm-up s";
            row[namesAndValues.length + 1] = seconds;
            row[namesAndValues.length + 2] = "JIT share of a core at warm-up end";
            row[namesAndValues.length + 3] = lastRoundCompileShare;
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
        return () -> compilationMillis(operator.get("/actuator/prometheus").body());
    }

    /** The sum of {@code jvm_compilation_time_ms_total} over its series in a Prometheus scrape. */
    static double compilationMillis(String scrape) {
        Matcher series = COMPILATION.matcher(scrape);
        double millis = 0;
        boolean found = false;
        while (series.find()) {
            millis += Double.parseDouble(series.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("The scrape has no jvm_compilation_time_ms_total");
        }
        return millis;
    }

    /**
     * Runs rounds of {@code round}, each lasting about {@code each}, until every JVM of {@code jvms} has settled or
     * {@code atMost} has passed; at least one round.
     */
    static Result until(Duration each, Duration atMost, List<CompileClock> jvms, Round round) throws Exception {
        long start = System.nanoTime();
        double[] before = read(jvms);
        int rounds = 0;
        while (true) {
            long roundStart = System.nanoTime();
            round.run(rounds++);
            double[] after = read(jvms);
            double roundMillis = (System.nanoTime() - roundStart) / 1e6;
            double busiest = 0;
            StringBuilder shares = new StringBuilder();
            for (int j = 0; j < jvms.size(); j++) {
                double share = (after[j] - before[j]) / roundMillis;
                busiest = Math.max(busiest, share);
                shares.append(j == 0 ? "" : ", ").append(String.format("%.3f", share));
            }
            System.out.printf("[bench] warm-up round %d, %.1f s: JIT share of a core per JVM %s%n", rounds,
                    roundMillis / 1e3, shares);
            before = after;
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean settled = busiest <= SETTLED_SHARE;
            if (settled || seconds + each.toNanos() / 1e9 > atMost.toNanos() / 1e9) {
                return new Result(seconds, rounds, busiest, settled);
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
