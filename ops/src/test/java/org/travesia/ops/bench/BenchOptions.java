package org.travesia.ops.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one run of the harness measures: {@code ops/bench/run [--quick] [--sizes 10000,100000] [--out DIR]
 * [scenario...]}. Quick runs every scenario once, small and short, so that CI proves the harness still works;
 * its figures are not for reading.
 */
record BenchOptions(boolean quick, List<Integer> sizes, Set<String> scenarios, Path out, String command) {

    static final List<String> SCENARIOS = List.of("append", "catch-up", "live-lag", "reads", "exports", "import",
            "encryption");
    /** Not run unless named: HTTP ingest with BCrypt on every request, the "before" of the verified-password cache. */
    static final String CREDENTIAL_CACHE = "credential-cache";
    private static final List<Integer> QUICK_SIZES = List.of(200);
    private static final List<Integer> FULL_SIZES = List.of(10_000, 100_000);

    static BenchOptions parse(String... args) {
        boolean quick = false;
        List<Integer> sizes = null;
        Set<String> scenarios = new LinkedHashSet<>();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--sizes" -> sizes = Arrays.stream(value(args, ++i, "--sizes").split(","))
                        .map(size -> Integer.parseInt(size.replace("_", "").trim())).toList();
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                default -> {
                    if (!SCENARIOS.contains(args[i]) && !CREDENTIAL_CACHE.equals(args[i])) {
                        throw new IllegalArgumentException("unknown scenario " + args[i] + "; the scenarios are "
                                + String.join(", ", SCENARIOS) + " and " + CREDENTIAL_CACHE);
                    }
                    scenarios.add(args[i]);
                }
            }
        }
        if (scenarios.isEmpty()) {
            scenarios.addAll(SCENARIOS);
        }
        List<Integer> chosen = sizes != null ? sizes : quick ? QUICK_SIZES : FULL_SIZES;
        Path directory = out != null ? out : Path.of("ops", "target", "bench");
        return new BenchOptions(quick, chosen, scenarios, directory, "ops/bench/run " + String.join(" ", args));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** Whether any scenario needs a store seeded at each size: all but encryption, which brings its own. */
    boolean runsOnSeededStores() {
        return scenarios.stream().anyMatch(scenario -> !scenario.equals("encryption"));
    }

    /** How long one rate is measured: long enough to average a shared machine's noise, short when quick. */
    Duration measuring() {
        return quick ? Duration.ofSeconds(2) : Duration.ofSeconds(15);
    }

    /** How long a catch-up may take before the run fails rather than holding CI, or a machine, for hours. */
    Duration catchUpLimit() {
        return quick ? Duration.ofMinutes(5) : Duration.ofHours(6);
    }

    /** One round of a warm-up ({@link JitWarmUp}). */
    Duration warmUp() {
        return quick ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
    }

    /** How long a warm-up may go on while the JITs have not settled ({@link JitWarmUp}): one round when quick. */
    Duration warmUpAtMost() {
        return quick ? warmUp() : Duration.ofMinutes(5);
    }

    Duration liveLagLoad() {
        return quick ? Duration.ofSeconds(5) : Duration.ofSeconds(60);
    }

    int timedReads() {
        return quick ? 20 : 200;
    }

    /**
     * JVM options of the services, beside their heap: when quick, the client compiler only, since a quick run's
     * figures prove the harness works, not speed, and the services' start-up is most of its time.
     */
    List<String> serviceJitOptions() {
        return quick ? List.of("-XX:TieredStopAtLevel=1") : List.of();
    }

    List<Integer> httpClients() {
        return quick ? List.of(1, 8) : List.of(1, 4, 8);
    }

    List<Integer> gatewayThreads() {
        return quick ? List.of(8) : List.of(1, 8);
    }

    /** Sealed against clear: the standalone measurement's counts, or a few hundred events and documents when quick. */
    EncryptionCostMeasurements.Counts encryptionCounts() {
        return quick ? new EncryptionCostMeasurements.Counts(100, 100, 1, 1, 50)
                : EncryptionCostMeasurements.Counts.STANDALONE;
    }
}
