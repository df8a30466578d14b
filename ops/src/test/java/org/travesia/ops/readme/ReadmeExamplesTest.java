package org.travesia.ops.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.ops.system.TravesiaSystem;

/**
 * Every {@code sh} block of the README runs, as written, against a running system, so the README cannot drift from
 * the code. The rules (also in the README, "Examples that run"):
 * <ul>
 * <li>each block tagged {@code sh} runs on its own in {@code bash} with {@code set -euo pipefail}; other blocks are
 * only read;</li>
 * <li>{@code ./ops/run} is the system this test starts, and {@code ./mvnw -B verify} is the command running this
 * test, so those two commands are not run again;</li>
 * <li>{@code localhost:8081} and {@code localhost:8082} are the default ports; they are replaced by the ports of the
 * system under test;</li>
 * <li>every HTTP call ({@code curl}) must succeed, unless the {@code # → …} comment after its command says what it
 * answers instead: a status, a problem code, JSON fields. When a comment says, the answer must match.</li>
 * </ul>
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md").toAbsolutePath().normalize();
    private static final List<String> NOT_RUN_AGAIN = List.of("./ops/run", "./mvnw -B verify");
    private static TravesiaSystem system;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        // As ./ops/run starts the embedded default: with the reference routes loaded at start.
        system = TravesiaSystem.start("travesia.routes.seed-on-start=true", "travesia.webhooks.poll=200ms");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @TestFactory
    Stream<DynamicTest> everyShellBlockRunsAndAnswersWhatItsCommentsSay() throws IOException {
        List<ShellBlock> blocks = ShellBlock.in(README);
        assertThat(blocks).as("sh blocks in " + README).isNotEmpty();
        return blocks.stream().map(block -> DynamicTest.dynamicTest("README.md line " + block.firstLine(),
                () -> run(block)));
    }

    private static void run(ShellBlock block) throws IOException, InterruptedException {
        Path calls = Files.createDirectories(work.resolve("calls-" + block.firstLine()));
        StringBuilder script = new StringBuilder("""
                set -euo pipefail
                # Every HTTP call leaves its command's number, its status and its body in $CALLS.
                curl() {
                  local call="$CALLS/$__command.$BASHPID.$RANDOM$RANDOM"
                  command curl -s --max-time 30 -w '%{stderr}%{http_code}' "$@" 2>"$call.status" | tee "$call.body"
                }
                """);
        List<ShellBlock.Command> commands = block.commands();
        for (int i = 0; i < commands.size(); i++) {
            String text = commands.get(i).text();
            if (NOT_RUN_AGAIN.contains(text.strip())) {
                continue;
            }
            script.append("__command=").append(i).append('\n').append(withPorts(text));
        }
        Path file = work.resolve("block-" + block.firstLine() + ".sh");
        Files.writeString(file, script);
        Path printed = work.resolve("block-" + block.firstLine() + ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true)
                .redirectOutput(printed.toFile()).directory(work.toFile());
        builder.environment().put("CALLS", calls.toString());
        Process shell = builder.start();
        boolean finished = shell.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            shell.destroyForcibly();
        }
        String output = Files.readString(printed, StandardCharsets.UTF_8);
        assertThat(finished).as("the block finished within 2 minutes:\n" + output).isTrue();
        assertThat(shell.exitValue()).as("the block ran to its end; it printed:\n" + output).isZero();

        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            ShellBlock.Command command = commands.get(i);
            Expectation expected = command.expectation() != null ? command.expectation() : Expectation.success();
            List<Path> made = callsOf(calls, i);
            if (command.expectation() != null && made.isEmpty()) {
                mismatches.add("line " + command.line() + " states an answer but makes no HTTP call");
            }
            for (Path call : made) {
                String written = Files.readString(call).strip();
                int status = Integer.parseInt(written.substring(Math.max(0, written.length() - 3)));
                String body = Files.readString(Path.of(call.toString().replace(".status", ".body")));
                String mismatch = expected.mismatch(status, body);
                if (mismatch != null) {
                    mismatches.add("line " + command.line() + " " + mismatch + "\n    " + command.text().strip()
                            .lines().findFirst().orElse("") + "\n    answer: " + body);
                }
            }
        }
        assertThat(mismatches).as("README.md, block at line " + block.firstLine() + "; it printed:\n" + output)
                .isEmpty();
    }

    private static List<Path> callsOf(Path calls, int command) throws IOException {
        try (Stream<Path> files = Files.list(calls)) {
            return files.filter(f -> f.getFileName().toString().startsWith(command + ".")
                    && f.getFileName().toString().endsWith(".status")).sorted().toList();
        }
    }

    private static String withPorts(String command) {
        return command.replace("localhost:8081", "localhost:" + system.commands().port())
                .replace("localhost:8082", "localhost:" + system.queries().port());
    }
}
