package org.travesia.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./ops/run} with one of its ports taken: it checks all three before it starts anything, then exits at once,
 * non-zero, with one line that names the port and the variable that moves it. No stack trace, no hanging JVM.
 */
class LauncherPortsTest {

    @TempDir
    Path data;

    @TempDir
    Path logs;

    @ParameterizedTest(name = "{0} taken")
    @ValueSource(strings = {"TRAVESIA_MONGO_PORT", "COMMAND_SERVICE_PORT", "QUERY_SERVICE_PORT"})
    void aTakenPortStopsTheLauncherAtOnceWithOneLine(String variable) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Map<String, String> ports = new HashMap<>(Map.of("TRAVESIA_MONGO_PORT", freePort(),
                    "COMMAND_SERVICE_PORT", freePort(), "QUERY_SERVICE_PORT", freePort()));
            ports.put(variable, String.valueOf(taken.getLocalPort()));

            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), LocalLauncher.class.getName())
                    .redirectErrorStream(true).redirectOutput(logs.resolve("launcher.out").toFile());
            builder.environment().putAll(ports);
            builder.environment().put("TRAVESIA_HOME", Path.of("..").toAbsolutePath().normalize().toString());
            builder.environment().put("TRAVESIA_DATA", data.toString());
            builder.environment().remove("MONGODB_URI");
            Process launcher = builder.start();

            boolean exited = launcher.waitFor(30, TimeUnit.SECONDS);
            if (!exited) {
                launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(logs.resolve("launcher.out"), StandardCharsets.UTF_8);

            assertThat(exited).as("exited by itself:\n" + output).isTrue();
            assertThat(launcher.exitValue()).isNotZero();
            List<String> lines = Arrays.stream(output.split("\\R")).filter(line -> !line.isBlank()).toList();
            assertThat(lines).as(output).hasSize(1);
            assertThat(lines.get(0)).contains(String.valueOf(taken.getLocalPort())).contains(variable);
            try (Stream<Path> written = Files.list(data)) {
                assertThat(written).as("nothing started, so nothing written").isEmpty();
            }
        }
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
