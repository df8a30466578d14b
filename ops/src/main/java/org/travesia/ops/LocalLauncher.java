package org.travesia.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What {@code ./ops/run} starts: the embedded store (unless {@code MONGODB_URI} points at a real MongoDB), then
 * command-service and query-service as their own processes, each on the same connection string. It waits until both
 * report ready, prints where they are, and on Ctrl-C stops the services before the store, so that nothing in flight
 * is cut off from its data.
 */
public final class LocalLauncher implements AutoCloseable {

    public static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    static final String BIND_ADDRESS = "TRAVESIA_BIND_ADDRESS";
    static final String MASTER_KEY_FILE = "TRAVESIA_MASTER_KEY_FILE";
    static final String FORMER_MASTER_KEY_FILE = "TRAVESIA_FORMER_MASTER_KEY_FILE";
    public static final String PROCESSING_SEGMENTS = "TRAVESIA_PROCESSING_SEGMENTS";
    /**
     * Segments per processor on the embedded store, unless configured. Segments split a processor's work among
     * instances, and the embedded store serves one instance of each service; but every segment reads every event and
     * stores its token after every batch, so four segments made four token writes per event per processor, on a
     * store whose CPU is the limit. One segment caught up 1.5 to 1.9 times faster (docs/benchmarks.md). Only a new
     * store takes it: processors keep the segments their tokens were created with.
     */
    public static final String EMBEDDED_STORE_SEGMENTS = "1";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Settings settings;
    private EmbeddedStore store;
    private final List<Service> services = new ArrayList<>();

    /**
     * @param home         the checkout, where the services' jars are built
     * @param data         where the embedded store keeps its file
     * @param mongoUri     a real MongoDB to use instead of the embedded store, or null
     * @param mongoPort    the embedded store's port
     * @param commandPort  command-service's port
     * @param queryPort    query-service's port
     * @param javaOptions  JVM options for each service
     * @param environment  extra environment for the services (configuration variables)
     */
    public record Settings(Path home, Path data, String mongoUri, int mongoPort, int commandPort, int queryPort,
                           List<String> javaOptions, Map<String, String> environment) {

        public static Settings fromEnvironment(Map<String, String> env) {
            Path home = Path.of(env.getOrDefault("TRAVESIA_HOME", ".")).toAbsolutePath().normalize();
            return new Settings(home,
                    Path.of(env.getOrDefault("TRAVESIA_DATA", home.resolve("data").toString())).toAbsolutePath(),
                    blankToNull(env.get("MONGODB_URI")),
                    port(env, "TRAVESIA_MONGO_PORT", 27017),
                    port(env, "COMMAND_SERVICE_PORT", 8081),
                    port(env, "QUERY_SERVICE_PORT", 8082),
                    List.of(env.getOrDefault("TRAVESIA_SERVICE_JAVA_OPTS", "-Xmx512m").trim().split("\\s+")),
                    Map.of());
        }

        /**
         * Where the services listen: {@code TRAVESIA_BIND_ADDRESS}, as given to them or inherited from this process,
         * else loopback. The services read the same variable themselves (the platform's default); this is for
         * checking ports and probing readiness at the same address.
         */
        String bindAddress() {
            String configured = environment.getOrDefault(BIND_ADDRESS, System.getenv(BIND_ADDRESS));
            return configured == null || configured.isBlank() ? "127.0.0.1" : configured.trim();
        }

        private static int port(Map<String, String> env, String variable, int fallback) {
            String value = env.get(variable);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int port = Integer.parseInt(value.trim());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(variable + "=" + value + " is not a port number (1-65535)");
            }
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    private LocalLauncher(Settings settings) {
        this.settings = settings;
    }

    /**
     * Exits at once with one line and a non-zero status when it cannot start: a port taken, a setting that is not a
     * number. Nothing is started before the ports are known to be free, so there is nothing to stop then.
     */
    public static void main(String[] args) throws InterruptedException {
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv());
            LocalPorts.ensureFree(settings);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("Travesía did not start: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalLauncher launcher = new LocalLauncher(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.close();
            stopped.countDown();
        }, "travesia-stop"));
        try {
            launcher.start();
        } catch (Exception e) {
            // Whatever failed, the stop hook above stops what did start; exit must not wait for anything else.
            System.err.println("Travesía did not start: " + e.getMessage());
            System.exit(1);
        }
        launcher.printWelcome();
        stopped.await();
    }

    public static LocalLauncher start(Settings settings) {
        LocalPorts.ensureFree(settings);
        LocalLauncher launcher = new LocalLauncher(settings);
        try {
            launcher.start();
            return launcher;
        } catch (RuntimeException e) {
            launcher.close();
            throw e;
        }
    }

    private void start() {
        String mongoUri = settings.mongoUri();
        if (mongoUri == null) {
            store = EmbeddedStore.start(settings.data(), "127.0.0.1", settings.mongoPort());
            mongoUri = store.uri("travesia");
            log("embedded MongoDB-wire store on " + mongoUri + ", data in " + settings.data());
        } else {
            log("MONGODB_URI is set: using that MongoDB, nothing embedded starts");
        }
        services.add(startService("command-service", settings.commandPort(), "COMMAND_SERVICE_PORT", mongoUri));
        services.add(startService("query-service", settings.queryPort(), "QUERY_SERVICE_PORT", mongoUri));
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        for (Service service : services) {
            service.awaitReady(deadline);
        }
    }

    private Service startService(String name, int port, String portVariable, String mongoUri) {
        Path jar = findJar(name);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.javaOptions());
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = new HashMap<>(settings.environment());
        environment.put("MONGODB_URI", mongoUri);
        environment.put(portVariable, String.valueOf(port));
        if (store != null && name.equals("command-service")) {
            // The embedded default is a local system: it starts with the reference routes (idempotent).
            environment.putIfAbsent("TRAVESIA_ROUTES_SEED_ON_START", "true");
        }
        if (store != null && !environment.containsKey(PROCESSING_SEGMENTS)
                && System.getenv(PROCESSING_SEGMENTS) == null) {
            environment.put(PROCESSING_SEGMENTS, EMBEDDED_STORE_SEGMENTS);
        }
        if (!environment.containsKey(MASTER_KEY_FILE) && System.getenv(MASTER_KEY_FILE) == null) {
            // Both services share one master key in the checkout's keys/, beside the data directory and never in it,
            // so that no copy of the data or its backups carries it; the first to start creates it, owner-only, or
            // moves there the one earlier builds created in the data directory.
            environment.put(MASTER_KEY_FILE, settings.home().resolve("keys").resolve("master.key").toString());
            environment.put(FORMER_MASTER_KEY_FILE, settings.data().resolve("keys").resolve("master.key").toString());
        }
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Thread pump = new Thread(() -> pump(name, process), name + "-log");
            pump.setDaemon(true);
            pump.start();
            return new Service(name, probeHost(), port, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    private Path findJar(String name) {
        Path target = settings.home().resolve(name).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().startsWith(name) && p.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No " + name + " jar in " + target
                            + ": build first (./mvnw -DskipTests package), or use ./ops/run, which does"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pump(String name, Process process) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println("[" + name + "] " + line);
            }
        } catch (IOException e) {
            // The process ended; its exit is reported by whoever waits for it.
        }
    }

    private void printWelcome() {
        System.out.println();
        System.out.println("Travesía is up.");
        System.out.println("  command-service (writes): http://localhost:" + settings.commandPort() + "/api/v1/incidents");
        System.out.println("  query-service   (reads):  http://localhost:" + settings.queryPort() + "/api/v1/incidents/{id}");
        System.out.println("  health:     http://localhost:" + settings.commandPort() + "/actuator/health  and  :"
                + settings.queryPort() + "/actuator/health");
        System.out.println("  processors: http://localhost:" + settings.queryPort() + "/actuator/eventprocessors (user operator)");
        System.out.println("  local users: monitor, analyst, advocate, admin, operator (password = user name). Ctrl-C stops everything.");
        System.out.println();
    }

    /** Stops the services (gracefully, then forcibly), then the store. Safe to call twice. */
    @Override
    public synchronized void close() {
        for (Service service : services) {
            service.process().destroy();
        }
        for (Service service : services) {
            service.awaitExit();
        }
        services.clear();
        if (store != null) {
            store.close();
            store = null;
            log("store stopped; data kept in " + settings.data());
        }
    }

    private static void log(String message) {
        System.out.println("[travesia] " + message);
    }

    /** Where to reach the services from here: their bind address, or loopback when they listen everywhere. */
    private String probeHost() {
        String address = settings.bindAddress();
        if (address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]")) {
            return "127.0.0.1";
        }
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }

    private record Service(String name, String host, int port, Process process) {

        void awaitReady(Instant deadline) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI readiness = URI.create("http://" + host + ":" + port + "/actuator/health/readiness");
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with code " + process.exitValue()
                            + " before it was ready (its log is above)");
                }
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(readiness)
                            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        log(name + " ready on port " + port);
                        return;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for " + name, e);
                }
                try {
                    process.waitFor(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for " + name, e);
                }
            }
            throw new IllegalStateException(name + " was not ready within " + STARTUP_TIMEOUT.toSeconds() + " s");
        }

        void awaitExit() {
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
