package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.travesia.command.CommandServiceApplication;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.MissingPersonReports;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;
import org.travesia.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Headers, CORS, rate limits, tokens that must not work, the production guard, and logs without personal data, as
 * plain lines locally and as JSON in production.
 */
@ExtendWith(OutputCaptureExtension.class)
class HardeningTest {

    private static TestTokens tokens;
    private static TravesiaSystem system;

    @BeforeAll
    static void start() {
        tokens = TestTokens.generate();
        system = TravesiaSystem.start(tokens.property(), "travesia.security.local-users.enabled=true");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersErrorsIncluded() {
        for (Api.Response response : List.of(system.queries().as("monitor").get("/api/v1/taxonomy"),
                system.queries().get("/api/v1/taxonomy"),
                system.commands().as("monitor").post("/api/v1/incidents", "{"))) {
            assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void corsIsOffByDefault() {
        Api.Response preflight = system.commands().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").options("/api/v1/incidents");

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void tokensThatMustNotWorkGet401() {
        Api queries = system.queries();
        String expired = tokens.sign(new JWTClaimsSet.Builder().subject("x").claim("organisation", "org-a")
                .claim("roles", List.of("ANALYST")).expirationTime(Date.from(Instant.now().minusSeconds(600))).build());
        String noOrganisation = tokens.sign(new JWTClaimsSet.Builder().subject("x").claim("roles", List.of("ANALYST"))
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        String otherIssuer = TestTokens.generate().token("mallory", "org-a", "ADMIN");

        for (String token : List.of(expired, noOrganisation, otherIssuer, "not.a.jwt")) {
            Api.Response response = queries.bearer(token).get("/api/v1/taxonomy");
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(queries.bearer(tokens.token("ok", "org-a", "analyst")).get("/api/v1/taxonomy").status())
                .as("role names are matched case-insensitively").isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(system.queries().withPassword("admin", "wrong").get("/api/v1/taxonomy").status()).isEqualTo(401);
        assertThat(system.queries().get("/actuator/health").status()).as("health stays open").isEqualTo(200);
    }

    @Test
    void writesAreRateLimitedPerUserReadsAreNot() {
        // Local users and OIDC both on: the limit must see Basic users as well as bearer tokens.
        try (RunningService limited = RunningService.start(CommandServiceApplication.builder(), system.mongo().uri(),
                tokens.property(), "travesia.security.local-users.enabled=true",
                "travesia.security.rate-limit.burst=3", "travesia.security.rate-limit.writes-per-minute=1")) {
            Api monitor = limited.api().as("monitor");
            for (int i = 0; i < 3; i++) {
                assertThat(monitor.post("/api/v1/incidents", Reports.kidnapping().build()).status()).isEqualTo(201);
            }
            Api.Response refused = monitor.post("/api/v1/incidents", Reports.kidnapping().build());

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotNull();
            assertThat(refused.json().get("code").asText()).isEqualTo("problem.rate-limited");
            assertThat(limited.api().as("analyst").post("/api/v1/incidents", Reports.kidnapping().build()).status())
                    .as("another user has a bucket of their own").isEqualTo(201);
            assertThat(monitor.get("/v3/api-docs").status()).isEqualTo(200);
            Api bearer = limited.api().bearer(tokens.token("tomas", "org-a", "MONITOR"));
            for (int i = 0; i < 3; i++) {
                bearer.post("/api/v1/incidents", Reports.kidnapping().build());
            }
            assertThat(bearer.post("/api/v1/incidents", Reports.kidnapping().build()).status()).isEqualTo(429);
        }
    }

    @Test
    void productionRefusesToStartWithTheLocalUsers() {
        assertThatThrownBy(() -> RunningService.start(CommandServiceApplication.builder(), system.mongo().uri(),
                "spring.profiles.active=prod"))
                .rootCause().hasMessageContaining("Refusing to start");

        try (RunningService production = RunningService.start(CommandServiceApplication.builder(),
                system.mongo().uri(), "spring.profiles.active=prod", tokens.property())) {
            assertThat(production.api().withPassword("monitor", "monitor").get("/api/v1/taxonomy").status())
                    .as("with OIDC configured the local users are gone").isEqualTo(401);
        }
    }

    /**
     * Under the {@code prod} profile, as production starts it ({@code java -jar}): every line is one JSON object
     * (Elastic Common Schema), each request's lines carry its correlation id, and no line carries what was reported.
     */
    @Test
    void productionLogsAreJsonLinesWithTheCorrelationIdAndNoPersonalData() throws Exception {
        String secret = "Rosa-Ibarra-" + java.util.UUID.randomUUID();
        String correlationId = "json-log-" + java.util.UUID.randomUUID();
        try (ServiceProcess production = ServiceProcess.start("command-service", "COMMAND_SERVICE_PORT", Map.of(
                "SPRING_PROFILES_ACTIVE", "prod", "MONGODB_URI", system.mongo().uri(),
                "TRAVESIA_SECURITY_OIDC_PUBLIC_KEY_LOCATION", tokens.property().split("=", 2)[1]))) {
            Api monitor = production.api().bearer(tokens.token("rosa-monitor", "org-a", "MONITOR"))
                    .header("X-Correlation-Id", correlationId);
            String id = monitor.post("/api/v1/incidents", Reports.kidnapping().with("description", secret + " taken")
                    .build()).json().get("incidentId").asText();
            monitor.post("/api/v1/incidents", "{\"description\": \"" + secret + "\", \"type\": ");
            monitor.post("/api/v1/incidents/" + id + "/amendments", Map.of("expectedVersion", 7, "reason", secret,
                    "changes", Map.of("description", secret)));

            await().atMost(Duration.ofSeconds(10)).until(() -> production.output().contains(id));
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> lines = new ArrayList<>();
            for (String line : production.lines()) {
                lines.add(json.readTree(line));
            }
            JsonNode reported = lines.stream().filter(line -> line.path("message").asText().contains(id)).findFirst()
                    .orElseThrow();
            assertThat(reported.path("correlationId").asText()).as(reported.toString()).isEqualTo(correlationId);
            assertThat(reported.at("/log/level").asText()).isEqualTo("INFO");
            assertThat(reported.at("/service/name").asText()).isEqualTo("command-service");
            assertThat(reported.has("@timestamp")).isTrue();
            assertThat(production.output()).doesNotContain(secret);
        }
    }

    @Test
    void logsCarryIdsNeverDescriptionsOrNames(CapturedOutput output) {
        String secret = "Rosa-Ibarra-" + java.util.UUID.randomUUID();
        Api monitor = system.commands().as("monitor");
        String id = monitor.post("/api/v1/incidents", Reports.kidnapping().with("description", secret + " was taken")
                .build()).json().get("incidentId").asText();
        monitor.post("/api/v1/incidents/" + id + "/amendments", java.util.Map.of("expectedVersion", 0,
                "reason", secret, "changes", java.util.Map.of("description", secret + " was found")));
        monitor.post("/api/v1/incidents", Reports.kidnapping().with("description", secret).with("type", "NOPE").build());
        Api.Response stale = monitor.post("/api/v1/incidents/" + id + "/amendments", java.util.Map.of(
                "expectedVersion", 0, "reason", secret, "changes", java.util.Map.of("description", secret)));
        assertThat(stale.status()).isEqualTo(409);
        system.commands().as("analyst").post("/api/v1/incidents/" + id + "/retraction", java.util.Map.of("reason", secret));
        system.queries().as("monitor").get("/api/v1/incidents/" + id + "?minVersion=1");
        system.commands().as("analyst").post("/api/v1/incidents/" + id + "/redaction", java.util.Map.of("reason", secret));

        String caseId = monitor.post("/api/v1/missing-persons", MissingPersonReports.of(secret)
                .person("distinguishingFeatures", secret).with("reporter", java.util.Map.of("contact", secret))
                .lastSeenAt("locality", secret).build()).json().get("caseId").asText();
        monitor.post("/api/v1/missing-persons", MissingPersonReports.of(secret).person("sex", secret).build());
        monitor.post("/api/v1/missing-persons/" + caseId + "/sightings", java.util.Map.of("date", "2026-10-05",
                "place", java.util.Map.of("country", "PA"), "source", "MEDIA", "confidence", "LOW", "note", secret));
        monitor.post("/api/v1/missing-persons/" + caseId + "/closure", java.util.Map.of("reason", secret));
        monitor.post("/api/v1/missing-persons/" + caseId + "/closure", java.util.Map.of("reason", secret));
        system.queries().as("monitor").get("/api/v1/missing-persons?name=" + secret);
        system.queries().as("monitor").get("/api/v1/missing-persons/" + caseId + "?minVersion=2");
        system.commands().as("admin").post("/api/v1/missing-persons/" + caseId + "/erasure",
                java.util.Map.of("reason", "FAMILY_REQUEST"));

        assertThat(output.getAll()).as("the capture sees the services' logs").contains("Incident " + id + " reported")
                .contains("Missing-person case " + caseId + " reported");
        assertThat(output.getAll()).doesNotContain(secret);
    }
}
