package org.travesia.ops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * One harness for the whole system ({@code ops/bench/run [--quick] [--sizes 10000,100000] [--out DIR]
 * [scenario...]}): for each store size, a durable embedded store ({@code ./ops/run}'s) is filled and measured in
 * this JVM ({@link StoreAtSize}: catch-up, gateway append), then the same store is served by the services as
 * separate processes ({@link SystemAtSize}: reads, HTTP ingest, live lag, exports, MMP import). Every rate is
 * measured next to the official driver doing the equivalent raw work on the same store in the same run
 * ({@link RawLimit}). Results: {@code results.json} and {@code results.md} in the output directory
 * ({@code ops/target/bench} unless {@code --out} says otherwise). Not part of {@code ./mvnw verify}; CI runs it
 * with {@code --quick} ({@code QuickBenchmarkRunTest}) so that it cannot rot.
 */
public final class BenchmarkHarness {

    private BenchmarkHarness() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Path results = run(options);
        System.out.println("[bench] results: " + results + " and " + results.resolveSibling(BenchReport.MARKDOWN_FILE));
    }

    /** Runs what the options name; answers the JSON results file. */
    static Path run(BenchOptions options) throws Exception {
        BenchReport report = new BenchReport(options);
        Path work = Files.createTempDirectory("travesia-bench");
        try {
            for (int incidents : options.sizes()) {
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
        } finally {
            BenchFiles.deleteRecursively(work);
            // What was measured before a scenario failed is still worth keeping, beside the failure.
            report.note("encryption", "Not in this harness yet: ops/bench/encryption measures appends and reads "
                    + "with and without sealing, side by side (README, Cost of encryption).");
            report.finish();
            report.write(options.out());
        }
        return options.out().resolve(BenchReport.JSON_FILE);
    }
}
