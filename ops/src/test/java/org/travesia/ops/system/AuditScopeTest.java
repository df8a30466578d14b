package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An organisation's admin reads its own organisation's audit trail and nothing of another's: not by filtering on the
 * other organisation, nor on one of its records. Reading every organisation's trail takes the audit operator role,
 * which only a token can carry.
 */
class AuditScopeTest {

    private static TestTokens tokens;
    private static TravesiaSystem system;
    private static String privateReportOfA;

    @BeforeAll
    static void start() {
        tokens = TestTokens.generate();
        system = TravesiaSystem.start(tokens.property(), "travesia.security.local-users.enabled=true");
        Api maria = system.queries().bearer(tokens.token("maria", "org-a", "MONITOR"));
        privateReportOfA = system.commands().bearer(tokens.token("maria", "org-a", "MONITOR"))
                .post("/api/v1/incidents", Reports.kidnapping().sharedWith("ORGANISATION").build())
                .json().get("incidentId").asText();
        assertThat(maria.get("/api/v1/incidents/" + privateReportOfA + "?minVersion=0").status()).isEqualTo(200);
        maria.get("/api/v1/incidents?route=secret-route-of-a");
        String sharedReportOfB = system.commands().bearer(tokens.token("bruno", "org-b", "MONITOR"))
                .post("/api/v1/incidents", Reports.kidnapping().sharedWith("NETWORK").build())
                .json().get("incidentId").asText();
        system.queries().bearer(tokens.token("bruno", "org-b", "MONITOR"))
                .get("/api/v1/incidents/" + sharedReportOfB + "?minVersion=0");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void anAdminSeesOnlyItsOwnOrganisationsTrail() {
        JsonNode entries = adminOf("org-b").get("/api/v1/audit").json().get("items");

        assertThat(organisations(entries)).isNotEmpty().allMatch("org-b"::equals);
    }

    @Test
    void anAdminMayNameItsOwnOrganisation() {
        assertThat(adminOf("org-a").get("/api/v1/audit?organisation=org-a").status()).isEqualTo(200);
    }

    @Test
    void anAdminCannotAskForAnotherOrganisationsTrail() {
        Api.Response answer = adminOf("org-b").get("/api/v1/audit?organisation=org-a");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("code").asText()).isEqualTo("audit.other-organisation");
        assertThat(answer.body()).doesNotContain("maria").doesNotContain("secret-route-of-a");
    }

    @Test
    void anAdminCannotFindAnotherOrganisationsEntriesThroughOneOfItsRecords() {
        Api.Response answer = adminOf("org-b").get("/api/v1/audit?recordId=" + privateReportOfA);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("items")).isEmpty();
    }

    @Test
    void theOwnAdminFindsTheEntriesOfItsRecords() {
        JsonNode entries = adminOf("org-a").get("/api/v1/audit?recordId=" + privateReportOfA).json().get("items");

        assertThat(organisations(entries)).isNotEmpty().allMatch("org-a"::equals);
    }

    @Test
    void anAuditOperatorReadsEveryOrganisationsTrail() {
        Api operator = system.queries().bearer(tokens.token("olivia", "operator", "AUDIT_OPERATOR"));

        assertThat(organisations(operator.get("/api/v1/audit").json().get("items"))).contains("org-a", "org-b");
        assertThat(operator.get("/api/v1/audit?organisation=org-a").json().get("items")).isNotEmpty();
    }

    @Test
    void anAuditOperatorReadsNoReport() {
        Api operator = system.queries().bearer(tokens.token("olivia", "operator", "AUDIT_OPERATOR"));

        assertThat(operator.get("/api/v1/incidents/" + privateReportOfA).status()).isEqualTo(403);
    }

    @Test
    void noLocalUserIsAnAuditOperator() {
        JsonNode entries = system.queries().as("admin").get("/api/v1/audit").json().get("items");

        assertThat(organisations(entries)).allMatch("local"::equals);
    }

    private static Api adminOf(String organisation) {
        return system.queries().bearer(tokens.token("admin-of-" + organisation, organisation, "ADMIN"));
    }

    private static List<String> organisations(JsonNode entries) {
        List<String> organisations = new ArrayList<>();
        entries.forEach(entry -> organisations.add(entry.get("organisation").asText()));
        return organisations;
    }
}
