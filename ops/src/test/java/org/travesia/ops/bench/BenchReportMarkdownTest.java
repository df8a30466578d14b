package org.travesia.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How results.md writes a run's figures: ratios far below 1 keep their digits, large rates lose theirs. */
class BenchReportMarkdownTest {

    @TempDir
    Path out;

    @Test
    void aRatioBelowOneHundredthKeepsTwoSignificantDigits() throws Exception {
        BenchReport report = new BenchReport(BenchOptions.parse("--quick", "--out", out.toString()));
        report.title("append", "reports against raw insertMany");
        report.row("append", "reports/s", 12.3456, "raw insertMany docs/s", 3018.2, "ratio to raw", 0.004089,
                "sealed / plain", 0.59, "failed", 0);
        report.finish();
        report.write(out);

        assertThat(Files.readString(out.resolve(BenchReport.MARKDOWN_FILE)))
                .contains("| 12.3 | 3,018 | 0.0041 | 0.59 | 0 |");
    }

    @Test
    void figuresByNameAreWrittenInTheirOrderEachAsAFigure() throws Exception {
        BenchReport report = new BenchReport(BenchOptions.parse("--quick", "--out", out.toString()));
        Map<String, Object> perProcessor = new LinkedHashMap<>();
        perProcessor.put("routes", 0.51234);
        perProcessor.put("route-risk", 893.0026);
        report.title("catch-up", "every processor from zero");
        report.row("catch-up", "seconds", 893.0026, "caught up s, per processor", perProcessor);
        report.finish();
        report.write(out);

        assertThat(Files.readString(out.resolve(BenchReport.MARKDOWN_FILE)))
                .contains("| 893 | routes 0.51, route-risk 893 |");
    }

    /** A scenario run at each size makes its notes at each: they say what was compared with what, once. */
    @Test
    void aNoteMadeAtEachSizeIsWrittenOnce() throws Exception {
        BenchReport report = new BenchReport(BenchOptions.parse("--quick", "--out", out.toString()));
        report.title("reads", "p50 and p99");
        for (int size : new int[] {10_000, 100_000}) {
            report.row("reads", "incidents", size, "p50 ms", 1.0);
            report.note("reads", "The raw limit of the risk view is the find on the incident view.");
        }
        report.finish();
        report.write(out);

        String markdown = Files.readString(out.resolve(BenchReport.MARKDOWN_FILE));
        assertThat(markdown.split("The raw limit of the risk view", -1)).as("the note and what surrounds it")
                .hasSize(2);
    }
}
