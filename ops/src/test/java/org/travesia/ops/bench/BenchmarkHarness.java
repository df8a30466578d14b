package org.travesia.ops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.axonframework.messaging.timeout.AxonTaskJanitor;

/**
 * One harness for the whole system ({@code ops/bench/run [--quick] [--sizes 10000,100000] [--out DIR]
 * [scenario...]}): for each store size, a durable embedded store ({@code ./ops/run}'s) is filled and measured in
 * this JVM ({@link StoreAtSize}: catch-up, gateway append), then the same store is served by the services as
 * separate processes ({@link SystemAtSize}: reads, HTTP ingest, live lag, exports, MMP import). Every rate is
 * measured next to the official driver doing the equivalent raw work on the same store in the same run
 * ({@link RawLimit}). Encryption, which does not depend on the size, is measured once, sealed against clear
 * ({@link EncryptionCostMeasurements}). Results: {@code results.json} and {@code results.md} in the output directory
 * ({@code ops/target/bench} unless {@code --out} says otherwise). Not part of {@code ./mvnw verify}; CI runs it
 * with {@code --quick} ({@code QuickBenchmarkRunTest}) so that it cannot rot.
 */
public final class BenchmarkHarness {

    private BenchmarkHarness() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        try {
            Path results = run(options);
            System.out.println("[bench] results: " + results + " and "
                    + results.resolveSibling(BenchReport.MARKDOWN_FILE));
        } finally {
            // Axon's timeout janitor is one executor for the whole JVM, of non-daemon threads, that no application
            // context stops when it closes: left running, it keeps the harness alive after its results are written.
            // Every context of the run is closed by now, so nothing uses it any more.
            AxonTaskJanitor.INSTANCE.shutdownNow();
        }
    }

    /** Runs what the options name; answers the JSON results file. */
    static Path run(BenchOptions options) throws Exception {
        BenchReport report = new BenchReport(options);
        Path work = Files.createTempDirectory("travesia-bench");
        try {
            for (int incidents : options.runsOnSeededStores() ? options.sizes() : List.<Integer>of()) {
                Path data = work.resolve("store-" + incidents);
                int commitBytes = new StoreAtSize(options, report, data, incidents).run();
                SystemAtSize system = new SystemAtSize(options, report, data, incidents, commitBytes);
                if (options.runs(BenchOptions.CREDENTIAL_CACHE)) {
                    system.runWithBCryptOnEveryRequest();
                }
                if (Set.of("append", "live-lag", "reads", "exports", "import").stream().anyMatch(options::runs)) {
                    system.run();
                }
                BenchFiles.deleteRecursively(data);
            }
            if (options.runs("encryption")) {
                encryption(options, report);
            }
        } finally {
            BenchFiles.deleteRecursively(work);
            // What was measured before a scenario failed is still worth keeping, beside the failure.
            report.finish();
            report.write(options.out());
        }
        return options.out().resolve(BenchReport.JSON_FILE);
    }

    /** Appends and reads with personal data sealed against the same in the clear, side by side on one store. */
    private static void encryption(BenchOptions options, BenchReport report) throws Exception {
        EncryptionCostMeasurements.Counts counts = options.encryptionCounts();
        List<EncryptionCostMeasurements.SideBySide> figures = EncryptionCostMeasurements.measure(counts, 0);
        report.title("encryption", "personal data sealed against the same in the clear, on a store of its own: "
                + "appends through the storage engine (4 writers, one event per commit), reads of case documents "
                + "(one cursor, opened a page at a time); medians of the rounds");
        for (EncryptionCostMeasurements.SideBySide figure : figures) {
            boolean append = figure.what().startsWith("append");
            report.row("encryption", "what", figure.what(), "unit", figure.unit(), "plain", figure.plain(),
                    "sealed", figure.sealed(), "sealed / plain", figure.ratio(),
                    "per run", append ? counts.events() : counts.documents(),
                    "rounds", append ? counts.appendRounds() : counts.readRounds());
        }
    }
}
