package org.travesia.ops.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code ops/compose/docker-compose.yml}, checked without Docker: it parses; every image is pinned to a version;
 * what it sets for the services is what the services read, on the ports they listen on; the replica set, the
 * query-service replicas and the secrets fit together; nothing is published beyond this host; and nothing phones
 * home.
 */
class ComposeFileTest {

    private static final Pattern PINNED = Pattern.compile("[^:@]+:v?\\d+(\\.\\d+)+([._-][A-Za-z0-9._-]+)?");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Map<String, String> TRAVESIA_SERVICES = Map.of("command-service", "COMMAND_SERVICE_PORT",
            "query-service", "QUERY_SERVICE_PORT");

    private final Map<String, Object> compose = ComposeFiles.yaml("docker-compose.yml");
    private final Map<String, Map<String, Object>> services = services();

    @Test
    void itStartsTheReplicaSetBothServicesPrometheusGrafanaAndKeycloak() {
        assertThat(services).containsKeys("mongo1", "mongo2", "mongo3", "mongo-init", "command-service",
                "query-service", "prometheus", "alertmanager", "grafana", "keycloak");
        for (String node : List.of("mongo1", "mongo2", "mongo3")) {
            assertThat(list(services.get(node), "command")).containsSequence("--replSet", "rs0");
        }
        assertThat(Files.exists(ComposeFiles.ROOT.resolve("mongo/init-replica-set.js"))).isTrue();
        assertThat(ComposeFiles.lines(ComposeFiles.ROOT.resolve("mongo/init-replica-set.js")))
                .anyMatch(line -> line.contains("_id: 'rs0'"))
                .anyMatch(line -> line.contains("mongo1:27017")).anyMatch(line -> line.contains("mongo3:27017"));
        String mongoUri = environment("command-service").get("MONGODB_URI");
        assertThat(mongoUri).contains("mongo1:27017,mongo2:27017,mongo3:27017/travesia?replicaSet=rs0");
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        services.forEach((name, service) -> {
            String image = (String) service.get("image");
            assertThat(image).as(name + " names its image").isNotNull();
            assertThat(image).as(name).matches(PINNED).doesNotContain(":latest");
        });
        for (String dockerfile : List.of("command-service/Dockerfile", "query-service/Dockerfile")) {
            List<String> from = ComposeFiles.lines(ComposeFiles.CHECKOUT.resolve(dockerfile)).stream()
                    .filter(line -> line.startsWith("FROM ")).map(line -> line.split("\\s+")[1]).toList();
            assertThat(from).as(dockerfile + " builds in one stage and runs in another").hasSize(2);
            assertThat(from).as(dockerfile).allMatch(image -> PINNED.matcher(image).matches());
        }
    }

    @Test
    void theImagesRunAsAnUnprivilegedUserAndSayWhetherTheyAreHealthy() {
        for (String module : TRAVESIA_SERVICES.keySet()) {
            List<String> lines = ComposeFiles.lines(ComposeFiles.CHECKOUT.resolve(module + "/Dockerfile"));
            String user = lines.stream().filter(line -> line.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
            assertThat(user).as(module).doesNotContain("root").doesNotMatch("USER 0(:.*)?");
            assertThat(lines).as(module).anyMatch(line -> line.startsWith("HEALTHCHECK "));
            assertThat(String.join("\n", lines)).as(module).contains("/actuator/health/readiness")
                    .contains("SPRING_PROFILES_ACTIVE=prod");
            assertThat(ComposeFiles.CHECKOUT.resolve(".dockerignore")).exists();
        }
    }

    /**
     * Every variable the compose file or a Dockerfile gives a service is one the service reads: from its
     * {@code @ConfigurationProperties}, its configuration's placeholders, or Spring Boot's documented properties.
     */
    @Test
    void everyVariableGivenToAServiceIsOneItReads() {
        ServiceSettings settings = ServiceSettings.read();
        List<String> unread = new ArrayList<>();
        for (String service : TRAVESIA_SERVICES.keySet()) {
            Set<String> given = new TreeSet<>(environment(service).keySet());
            given.addAll(dockerfileEnvironment(service).keySet());
            for (String variable : given) {
                boolean travesias = variable.startsWith("TRAVESIA_") || variable.endsWith("_SERVICE_PORT")
                        || variable.equals("MONGODB_URI");
                if (travesias ? !settings.bindsAsTravesia(variable) : !settings.binds(variable)) {
                    unread.add(service + ": " + variable);
                }
            }
        }
        assertThat(unread).as("variables no service reads").isEmpty();
    }

    @Test
    void theVariableCheckBitesOnANameTheServicesDoNotRead() {
        ServiceSettings settings = ServiceSettings.read();

        assertThat(settings.bindsAsTravesia("TRAVESIA_EVENT_STORE_GAP_TIMEOUT")).isTrue();
        assertThat(settings.bindsAsTravesia("TRAVESIA_SECURITY_OIDC_ISSUER_URI")).isTrue();
        assertThat(settings.bindsAsTravesia("TRAVESIA_PROCESSING_MAX_CLAIMED_SEGMENTS")).isTrue();
        assertThat(settings.bindsAsTravesia("MONGODB_URI")).isTrue();
        assertThat(settings.bindsAsTravesia("TRAVESIA_EVENT_STORE_GAP_TIMEOUTS")).isFalse();
        assertThat(settings.bindsAsTravesia("TRAVESIA_SECURITY_OIDC_ISSUER")).isFalse();
        assertThat(settings.binds("SPRING_PROFILES_ACTIVE")).isTrue();
        assertThat(settings.binds("SPRING_PROFILE_ACTIVE")).isFalse();
    }

    /** Each service listens where the compose file publishes it, probes it and Prometheus scrapes it. */
    @Test
    void theServicesListenOnThePortsTheComposeFilePublishes() {
        for (Map.Entry<String, String> service : TRAVESIA_SERVICES.entrySet()) {
            int port = serverPort(service.getKey());
            assertThat(list(services.get(service.getKey()), "ports")).as(service.getKey())
                    .allMatch(mapping -> mapping.endsWith(":" + port));
            assertThat(dockerfileEnvironment(service.getKey())).containsEntry(service.getValue(), String.valueOf(port));
            assertThat(ComposeFiles.lines(ComposeFiles.CHECKOUT.resolve(service.getKey() + "/Dockerfile")))
                    .contains("EXPOSE " + port);
        }
    }

    @Test
    void nothingIsPublishedBeyondThisHost() {
        services.forEach((name, service) -> {
            for (String mapping : list(service, "ports")) {
                assertThat(mapping).as(name).startsWith("127.0.0.1:");
            }
        });
        Map<String, Object> networks = map(compose, "networks");
        assertThat(map(networks, "data")).containsEntry("internal", true);
        for (String store : List.of("mongo1", "mongo2", "mongo3", "keycloak-db")) {
            assertThat(list(services.get(store), "networks")).as(store).containsExactly("data");
        }
    }

    /** Two replicas, each claiming part of the segments, all segments claimed between them. */
    @Test
    void theQueryServiceReplicasShareTheSegments() {
        Map<String, Object> queryService = services.get("query-service");
        int replicas = (Integer) map(queryService, "deploy").get("replicas");
        Map<String, String> environment = environment("query-service");
        int segments = Integer.parseInt(environment.get("TRAVESIA_PROCESSING_SEGMENTS"));
        int each = Integer.parseInt(interpolate(environment.get("TRAVESIA_PROCESSING_MAX_CLAIMED_SEGMENTS")));

        assertThat(replicas).isEqualTo(2);
        assertThat(each).as("each replica leaves segments to the other").isLessThan(segments);
        assertThat(replicas * each).as("together they claim every segment").isGreaterThanOrEqualTo(segments);
        assertThat(Integer.parseInt(environment("command-service").get("TRAVESIA_PROCESSING_SEGMENTS")))
                .isEqualTo(segments);
    }

    @Test
    void everyInterpolatedVariableIsInTheExampleEnvironmentFileAndNoPasswordHasADefault() {
        String text = read(ComposeFiles.ROOT.resolve("docker-compose.yml"));
        Properties example = new Properties();
        try (InputStream in = Files.newInputStream(ComposeFiles.ROOT.resolve(".env.example"))) {
            example.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> interpolated = new TreeSet<>();
        Matcher variable = INTERPOLATION.matcher(text);
        while (variable.find()) {
            interpolated.add(variable.group(1));
        }

        assertThat(example.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(interpolated);
        assertThat(text).doesNotContainPattern("PASSWORD:-");
        example.stringPropertyNames().stream().filter(name -> name.contains("PASSWORD"))
                .forEach(name -> assertThat(example.getProperty(name)).as(name + " is left to the operator").isEmpty());
    }

    /** Prometheus reads the scrape password from the secret made of the variable the services get it from. */
    @Test
    void prometheusAndTheServicesShareOneScrapePassword() {
        String variable = environment("command-service").get("TRAVESIA_SECURITY_METRICS_PASSWORD");
        Map<String, Object> secret = map(map(compose, "secrets"), "metrics_password");

        assertThat(variable).startsWith("${" + secret.get("environment") + ":?");
        assertThat(list(services.get("prometheus"), "secrets")).contains("metrics_password");
    }

    /**
     * Under the prod profile a service never makes up a master key: both read the one the operator made, from a
     * secret file that neither git nor an image build context takes in.
     */
    @Test
    void bothServicesReadTheOperatorsMasterKeyFromASecretKeptOutOfGitAndImages() {
        Map<String, Object> secret = map(map(compose, "secrets"), "master_key");

        for (String service : TRAVESIA_SERVICES.keySet()) {
            assertThat(list(services.get(service), "secrets")).as(service).contains("master_key");
            assertThat(environment(service)).as(service)
                    .containsEntry("TRAVESIA_MASTER_KEY_FILE", "/run/secrets/master_key");
        }
        assertThat(secret.get("file")).isEqualTo("./secrets/master.key");
        assertThat(read(ComposeFiles.CHECKOUT.resolve(".gitignore")).lines()).contains("ops/compose/secrets/");
        assertThat(read(ComposeFiles.CHECKOUT.resolve(".dockerignore")).lines()).contains("ops/compose/secrets/");
    }

    /**
     * Erasure writes the journal before it shreds a key, and the secret's directory is read-only: every service must
     * write it to one volume they share (each container's own file would be lost with the container), which the images
     * make writable by their unprivileged user.
     */
    @Test
    void everyServiceWritesTheErasureJournalToOneSharedVolumeItsUserMayWrite() {
        for (String service : TRAVESIA_SERVICES.keySet()) {
            assertThat(environment(service)).as(service)
                    .containsEntry("TRAVESIA_ERASURE_JOURNAL_FILE", "/var/lib/travesia/journal/erasures.jsonl");
            assertThat(list(services.get(service), "volumes")).as(service)
                    .contains("erasure-journal:/var/lib/travesia/journal");
            assertThat(read(ComposeFiles.CHECKOUT.resolve(service).resolve("Dockerfile")))
                    .contains("chown 10001:10001 /var/lib/travesia/journal");
        }
        assertThat(map(compose, "volumes")).containsKey("erasure-journal");
    }

    @Test
    void nothingPhonesHome() {
        Map<String, String> grafana = environment("grafana");
        for (String switchedOff : List.of("GF_ANALYTICS_REPORTING_ENABLED", "GF_ANALYTICS_CHECK_FOR_UPDATES",
                "GF_ANALYTICS_CHECK_FOR_PLUGIN_UPDATES", "GF_NEWS_NEWS_FEED_ENABLED", "GF_SNAPSHOTS_EXTERNAL_ENABLED")) {
            assertThat(grafana).containsEntry(switchedOff, "false");
        }
        Map<String, Object> mongosh = new Yaml().load(read(ComposeFiles.ROOT.resolve("mongo/mongosh.conf")));
        assertThat(map(mongosh, "mongosh")).containsEntry("enableTelemetry", false);
        for (String usesMongosh : List.of("mongo1", "mongo2", "mongo3", "mongo-init")) {
            assertThat(list(services.get(usesMongosh), "volumes")).as(usesMongosh)
                    .contains("./mongo/mongosh.conf:/etc/mongosh.conf:ro");
        }
    }

    /** The port a service listens on with the compose file's environment: its own configuration, resolved. */
    private int serverPort(String service) {
        Map<String, Object> configuration = new Yaml().load(resource(service + ".yml"));
        String port = String.valueOf(map(configuration, "server").get("port"));
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z_]+):(\\d+)}").matcher(port);
        if (placeholder.matches()) {
            return Integer.parseInt(environment(service).getOrDefault(placeholder.group(1), placeholder.group(2)));
        }
        return Integer.parseInt(port);
    }

    /** {@code ${VARIABLE:-default}} as Compose resolves it without a .env: the default. */
    private static String interpolate(String value) {
        Matcher withDefault = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}").matcher(value);
        return withDefault.matches() ? withDefault.group(1) : value;
    }

    private Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = services.get(service).get("environment");
        if (declared instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> environment.put(String.valueOf(name), String.valueOf(value)));
        }
        return environment;
    }

    /** The variables a Dockerfile sets with ENV (one or more {@code NAME=value} per instruction). */
    private static Map<String, String> dockerfileEnvironment(String module) {
        String dockerfile = read(ComposeFiles.CHECKOUT.resolve(module + "/Dockerfile")).replace("\\\n", " ");
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : dockerfile.split("\n")) {
            if (line.startsWith("ENV ")) {
                for (String assignment : line.substring(4).trim().split("\\s+")) {
                    String[] pair = assignment.split("=", 2);
                    environment.put(pair[0], pair[1]);
                }
            }
        }
        return environment;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    static List<String> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static String resource(String name) {
        try (InputStream in = ComposeFileTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
