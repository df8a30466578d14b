package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

/** An organisation's ORGANISATION-level reports never reach another organisation: not in results, pages or counts. */
class OrganisationIsolationTest {

    private static final String ROUTE = "isolation-route";
    private static TestTokens tokens;
    private static TravesiaSystem system;
    private static String privateReport;
    private static String sharedReport;

    @BeforeAll
    static void start() {
        tokens = TestTokens.generate();
        system = TravesiaSystem.start(tokens.property());
        Api maria = system.commands().bearer(tokens.token("maria", "org-a", "MONITOR"));
        privateReport = maria.post("/api/v1/incidents", Reports.kidnapping().onRoute(ROUTE, null)
                .affected(Map.of("dead", 5)).sharedWith("ORGANISATION").build()).json().get("incidentId").asText();
        sharedReport = maria.post("/api/v1/incidents", Reports.kidnapping().onRoute(ROUTE, null)
                .affected(Map.of("dead", 1)).sharedWith("NETWORK").consentingTo("PROTECTION").build()).json()
                .get("incidentId").asText();
        Api own = system.queries().bearer(tokens.token("maria", "org-a", "MONITOR"));
        assertThat(own.get("/api/v1/incidents/" + privateReport + "?minVersion=0").status()).isEqualTo(200);
        assertThat(own.get("/api/v1/incidents/" + sharedReport + "?minVersion=0").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @ParameterizedTest(name = "as {0} of another organisation")
    @ValueSource(strings = {"MONITOR", "ANALYST", "ADVOCATE", "ADMIN"})
    void anotherOrganisationNeverSeesAnOrganisationOnlyReport(String role) {
        Api other = system.queries().bearer(tokens.token("olga", "org-b", role));

        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = other.get("/api/v1/incidents?route=" + ROUTE + "&limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(item -> found.add(item.get("incidentId").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        JsonNode counts = other.get("/api/v1/incidents/counts?route=" + ROUTE).json();

        assertThat(found).doesNotContain(privateReport);
        assertThat(counts.get("affected").get("dead").asLong()).isLessThanOrEqualTo(1);
        assertThat(other.get("/api/v1/incidents/" + privateReport).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/incidents/" + privateReport + "/history").status()).isEqualTo(404);
        if (!role.equals("MONITOR")) {
            assertThat(found).containsExactly(sharedReport);
            assertThat(counts.get("incidents").asLong()).isEqualTo(1);
        } else {
            assertThat(found).as("a monitor sees its own organisation only").isEmpty();
            assertThat(counts.get("incidents").asLong()).isZero();
        }
    }

    @ParameterizedTest(name = "as {0} of the same organisation")
    @ValueSource(strings = {"MONITOR", "ANALYST", "ADMIN"})
    void theOwnOrganisationSeesItsOrganisationOnlyReport(String role) {
        Api own = system.queries().bearer(tokens.token("colleague", "org-a", role));

        JsonNode page = own.get("/api/v1/incidents?route=" + ROUTE).json();
        List<String> found = new ArrayList<>();
        page.get("items").forEach(item -> found.add(item.get("incidentId").asText()));

        assertThat(found).containsExactlyInAnyOrder(privateReport, sharedReport);
        assertThat(own.get("/api/v1/incidents/counts?route=" + ROUTE).json().get("affected").get("dead").asLong())
                .isEqualTo(6);
    }
}
