package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.TestMasterKey;

/**
 * One service started from its jar with {@code java -jar}, as an operator (or a container) starts it, with the
 * environment given: on a free port, its standard output kept line by line.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException ended) {
                // The process is gone; the test reports what it saw.
            }
        }, "service-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code module}'s jar ({@code command-service}, {@code query-service}) and waits until it is ready. */
    static ServiceProcess start(String module, String portVariable, Map<String, String> environment) {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar(module).toString()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        // Production reads its master key, never makes one up: the services of a test share one, as a deployment's do.
        builder.environment().putIfAbsent("TRAVESIA_MASTER_KEY_FILE", TestMasterKey.file().toString());
        builder.environment().put(portVariable, String.valueOf(port));
        ServiceProcess service;
        try {
            service = new ServiceProcess(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(service.process.isAlive()).as("the service exited:\n%s", service.output()).isTrue();
            try {
                return service.api().get("/actuator/health/readiness").status() == 200;
            } catch (IllegalStateException notListeningYet) {
                return false;
            }
        });
        return service;
    }

    Api api() {
        return new Api(port);
    }

    /** Everything it wrote so far, one entry per line. */
    List<String> lines() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    String output() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path jar(String module) {
        Path target = Path.of("..").toAbsolutePath().normalize().resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No " + module + " jar in " + target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
