package org.travesia.ops.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.ops.LocalLauncher;

/**
 * {@code ./ops/import-mmp} against what {@code ./ops/run} starts (separate processes, the local users): a good file
 * ends with the summary and status 0, its rejected row named by its line; a file that is not CSV is refused whole with
 * the service's code and status 1; a missing file is status 2 without asking anything.
 */
class ImportMmpCommandTest {

    @TempDir
    Path dir;

    @Test
    void importsAFileShowsTheSummaryAndFailsOnARefusedOne() throws IOException {
        Path good = dir.resolve("mmp.csv");
        Files.write(good, withOneRowWithoutADate());
        Path refused = dir.resolve("refused.csv");
        // A quote left open on the last row: not CSV, refused whole although the rows before it are good.
        Files.writeString(refused, Files.readString(good) + "\"2014.MMP1,2014.MMP1\n");
        LocalLauncher.Settings settings = new LocalLauncher.Settings(Path.of("..").toAbsolutePath().normalize(),
                dir.resolve("data"), null, freePort(), freePort(), freePort(),
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), Map.of("TRAVESIA_ROUTES_SEED_ON_START", "false"));
        Map<String, String> env = Map.of("COMMAND_SERVICE_PORT", String.valueOf(settings.commandPort()));

        try (LocalLauncher launcher = LocalLauncher.start(settings)) {
            Run imported = run(env, "--revision=2026-05-10", good.toString());
            assertThat(imported.status()).as(imported.output()).isEqualTo(ImportMmpCommand.DONE);
            assertThat(imported.output()).contains("DONE, layout HDX").containsPattern("created\\s+4")
                    .containsPattern("rejected\\s+1").contains("line 3: import.row.date-invalid")
                    .contains("100% 5/5 rows");

            Run notCsv = run(env, refused.toString());
            assertThat(notCsv.status()).as(notCsv.output()).isEqualTo(ImportMmpCommand.FAILED);
            assertThat(notCsv.output()).contains("refused (400)").contains("import.file.not-csv");
        }
        Run missing = run(env, dir.resolve("nothing.csv").toString());
        assertThat(missing.status()).isEqualTo(ImportMmpCommand.USAGE);
    }

    private record Run(int status, String output) {
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new ImportMmpCommand(new PrintStream(out, true, StandardCharsets.UTF_8), false).run(args, env);
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    /** The header and five rows of the HDX sample, the second row's date made unreadable. */
    private static byte[] withOneRowWithoutADate() throws IOException {
        try (InputStream in = ImportMmpCommandTest.class.getResourceAsStream("/mmp/mmp-hdx-layout-2014-2015.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", 7);
            lines[2] = lines[2].replace(",2014-12-31,", ",31st of December,");
            return (String.join("\n", List.of(lines).subList(0, 6)) + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
