package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Event processors, their dead letters and the installation's metrics are shared by every organisation: replaying,
 * pausing, retrying or evicting acts on all of them, and the processors' view and the metrics show the store's head
 * position, which counts every organisation's writes. So they take the operator role, which an organisation's admin
 * does not have; in the local default, the local user {@code operator} has it.
 */
class OnlyTheOperatorRunsProcessorsTest {

    private static final String PROCESSOR = "/api/v1/admin/processors/incidents";
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /actuator/eventprocessors", "GET /actuator/prometheus", "POST /replay",
            "POST /pause", "POST /resume", "GET /dead-letters", "POST /dead-letters/x/retry",
            "POST /dead-letters/x/eviction"})
    void anOrganisationsAdminIsRefused(String operation) {
        for (String organisation : new String[] {"org-a", "org-b"}) {
            Api admin = system.queries().bearer(tokens.token("admin-of-" + organisation, organisation, "ADMIN"));

            Api.Response answer = call(admin, operation);

            assertThat(answer.status()).as(organisation + ": " + answer).isEqualTo(403);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void theOperatorSeesTheProcessorsAndTheirDeadLettersOnBothServices() {
        String operator = tokens.token("olga", "operations", "OPERATOR");

        assertThat(system.queries().bearer(operator).get("/actuator/eventprocessors").json().get("headPosition"))
                .isNotNull();
        assertThat(system.commands().bearer(operator).get("/actuator/eventprocessors").status()).isEqualTo(200);
        assertThat(system.queries().bearer(operator).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(system.queries().bearer(operator).get(PROCESSOR + "/dead-letters").json().get("items")).isEmpty();
        assertThat(system.queries().bearer(operator).post(PROCESSOR + "/dead-letters/x/retry", "").json()
                .get("code").asText()).isEqualTo("dead-letter.not-found");
    }

    @Test
    void anOperatorsActionIsAuditedUnderItsOwnNameForTheAuditOperator() {
        Api operator = system.queries().bearer(tokens.token("olga", "operations", "OPERATOR"));

        assertThat(operator.post(PROCESSOR + "/pause", "").status()).isEqualTo(200);
        assertThat(operator.post(PROCESSOR + "/resume", "").status()).isEqualTo(200);

        JsonNode entries = system.queries().bearer(tokens.token("olivia", "audit", "AUDIT_OPERATOR"))
                .get("/api/v1/audit?action=PROCESSOR_PAUSE").json().get("items");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("user").asText()).isEqualTo("olga");
        assertThat(entries.get(0).get("organisation").asText()).isEqualTo("operations");
    }

    @Test
    void theOperatorReadsNoReportAndNoAuditLog() {
        Api operator = system.queries().bearer(tokens.token("olga", "operations", "OPERATOR"));

        assertThat(operator.get("/api/v1/incidents").status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/audit").status()).isEqualTo(403);
    }

    @Test
    void theAuditOperatorRunsNoProcessor() {
        Api auditOperator = system.queries().bearer(tokens.token("olivia", "audit", "AUDIT_OPERATOR"));

        assertThat(auditOperator.get("/actuator/eventprocessors").status()).isEqualTo(403);
        assertThat(auditOperator.post(PROCESSOR + "/replay", "").status()).isEqualTo(403);
    }

    @Test
    void locallyTheOperatorUserRunsProcessorsAndTheAdminUserDoesNot() {
        assertThat(system.queries().as("operator").get("/actuator/eventprocessors").status()).isEqualTo(200);
        assertThat(system.queries().as("admin").get("/actuator/eventprocessors").status()).isEqualTo(403);
        assertThat(system.queries().as("admin").get(PROCESSOR + "/dead-letters").status()).isEqualTo(403);
    }

    private static Api.Response call(Api api, String operation) {
        String[] methodAndPath = operation.split(" ");
        String path = methodAndPath[1].startsWith("/actuator") ? methodAndPath[1] : PROCESSOR + methodAndPath[1];
        Function<String, Api.Response> send = methodAndPath[0].equals("GET") ? api::get : p -> api.post(p, "");
        return send.apply(path);
    }
}
