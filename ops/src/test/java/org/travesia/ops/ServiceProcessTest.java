package org.travesia.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.TestMasterKey;

import com.sun.net.httpserver.HttpServer;

/**
 * A service started on its own with {@code java -jar}, as an operator would, with nothing but the store's address:
 * it listens on the loopback interface only, never calls AxonIQ, and never writes what a malformed request carried
 * (a bearer token, say) to its log.
 */
class ServiceProcessTest {

    private static final String SECRET = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2Vu.signature-" + System.nanoTime();
    private static final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger updateCalls = new AtomicInteger();
    private static HttpServer updateServer;
    private static EmbeddedMongo mongo;
    private static Process service;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        updateServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        updateServer.createContext("/", exchange -> {
            updateCalls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        updateServer.start();
        mongo = EmbeddedMongo.inMemory();
        port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar("command-service").toString())
                .redirectErrorStream(true);
        builder.environment().put("MONGODB_URI", mongo.uri());
        builder.environment().put("COMMAND_SERVICE_PORT", String.valueOf(port));
        builder.environment().put("TRAVESIA_MASTER_KEY_FILE", TestMasterKey.file().toString());
        // Where Axon's update checker would report to, if it ran at all.
        builder.environment().put("AXONIQ_UPDATE_CHECKER_URL",
                "http://127.0.0.1:" + updateServer.getAddress().getPort() + "/updates");
        service = builder.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(service.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException ended) {
                // The process is gone; the tests report what they saw.
            }
        }, "command-service-output");
        pump.setDaemon(true);
        pump.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(service.isAlive()).as("the service exited:\n%s", String.join("\n", output)).isTrue();
            try {
                return new Api(port).get("/actuator/health/readiness").status() == 200;
            } catch (IllegalStateException notListeningYet) {
                return false;
            }
        });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        mongo.close();
        updateServer.stop(0);
    }

    @Test
    void itListensOnTheLoopbackInterfaceOnly() throws IOException {
        assertThat(new Api(port).get("/actuator/health").status()).isEqualTo(200);

        InetAddress other = anotherAddressOfThisMachine();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(other, port), 2000);
            throw new AssertionError("reachable on " + other + ": it listens on every interface");
        } catch (SocketException refused) {
            assertThat(refused).hasMessageContaining("refused");
        }
    }

    @Test
    void malformedRequestsNeverReachTheLog() throws IOException {
        List<String> requests = List.of(
                "GET /api/v1/incidents?token=" + SECRET + "| HTTP/1.1\r\nHost: x",
                "GET /api/v1/incidents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + SECRET + "\u0001",
                "GET /api/v1/incidents?token=" + SECRET + "%zz HTTP/1.1\r\nHost: x",
                "GET /api/v1/incidents HTTP/1.1\r\nHost: x\r\nCookie: session=" + SECRET + "\u007f;",
                "GET /api/v1/incidents HTTP/1.1\r\nHost: x\r\nAuthor ization: Bearer " + SECRET,
                "GET /api/v1/%zz" + SECRET + " HTTP/1.1\r\nHost: x");
        for (String request : requests) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write((request + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                        .startsWith("HTTP/1.1 4");
            }
        }
        // A report after them: once its log line is in, everything logged before it is in too.
        String id = new Api(port).as("monitor").post("/api/v1/incidents", Reports.kidnapping().build()).json()
                .get("incidentId").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", output).contains(id));
        assertThat(String.join("\n", output)).doesNotContain(SECRET).doesNotContain("c2VjcmV0LXRva2Vu");
    }

    @Test
    void itNeverCallsAxonIq() {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> updateCalls.get() == 0);
        assertThat(String.join("\n", output)).doesNotContain("UpdateChecker").doesNotContain("anonymous usage data");
    }

    /** An address of this machine that is not loopback, or, on a machine with none, one that still reaches it. */
    static InetAddress anotherAddressOfThisMachine() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        // Linux routes all of 127.0.0.0/8 to the loopback interface: a socket on every interface answers here too.
        return InetAddress.getByName("127.0.0.2");
    }

    private static Path jar(String module) throws IOException {
        Path target = Path.of("..").toAbsolutePath().normalize().resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No " + module + " jar in " + target));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
