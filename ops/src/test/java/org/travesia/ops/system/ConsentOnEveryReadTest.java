package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Consent binds every read, not only exports. Another organisation reads a report shared with the network, or
 * published, only if it carries {@code PROTECTION} (the network's use): not through the search, one incident, its
 * history, a past state or counts otherwise, and a report it may not read answers 404 as one not shared. A past state
 * needs the consent then and now; a write finds it no more than a read does. Figures kept apart from the incidents (risk views, alert rules) count another
 * organisation's report only with that consent too. The reporting organisation still reads and counts all of its own,
 * and the public export still reaches published reports as public, with {@code ADVOCACY_AGGREGATED}.
 */
class ConsentOnEveryReadTest {

    private static final String ROUTE = "consent-reads-route";
    private static final String SEGMENT = "river";
    private static final String RISK = "/api/v1/routes/" + ROUTE + "/risk?from=2026-11-01&to=2026-11-30&bucket=week";
    private static final String SECRET = "Rosa Quispe, 17, was taken at the river crossing.";
    private static final String PLAIN = "A group was stopped at the river crossing.";

    private static TestTokens tokens;
    private static TravesiaSystem system;
    private static String consented;
    private static String noConsent;
    private static String aggregatedOnly;
    private static String consentedLater;
    private static String beforeConsent;
    private static String withdrawn;
    private static String beforeWithdrawal;
    private static String last;

    @BeforeAll
    static void start() {
        tokens = TestTokens.generate();
        system = TravesiaSystem.start(tokens.property());
        Api analystA = system.commands().bearer(tokens.token("ana", "org-a", "ANALYST"));
        assertThat(analystA.post("/api/v1/routes", Routes.route(ROUTE)).status()).isEqualTo(201);
        assertThat(analystA.post("/api/v1/routes/" + ROUTE + "/segments",
                Routes.squareSegment(SEGMENT, 8.0412, -77.6541, 0.2)).status()).isEqualTo(201);
        // org-a's rule fires on the last report, when it sees all six; org-b's would fire on the fourth it counts.
        assertThat(analystA.post("/api/v1/routes/" + ROUTE + "/alert-rules",
                Routes.threshold("all", "KIDNAPPING", 6, 7)).status()).isEqualTo(201);
        assertThat(system.commands().bearer(tokens.token("olga", "org-b", "ANALYST")).post("/api/v1/routes/" + ROUTE
                + "/alert-rules", Routes.threshold("partner", "KIDNAPPING", 4, 7)).status()).isEqualTo(201);
        consented = report("NETWORK", PLAIN, "PROTECTION");
        noConsent = report("NETWORK", SECRET);
        aggregatedOnly = report("PUBLIC", SECRET, "ADVOCACY_AGGREGATED");
        consentedLater = report("NETWORK", PLAIN);
        beforeConsent = recordedAt(consentedLater, 0);
        amendConsent(consentedLater, Map.of("obtained", true, "uses", List.of("PROTECTION")));
        withdrawn = report("NETWORK", SECRET, "PROTECTION");
        beforeWithdrawal = recordedAt(withdrawn, 0);
        amendConsent(withdrawn, Map.of("obtained", false));
        last = report("NETWORK", PLAIN, "PROTECTION");
        await().atMost(Duration.ofSeconds(20)).until(() -> ownAnalyst().get("/api/v1/alerts?route=" + ROUTE).json()
                .get("items").size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> ownAnalyst().get("/api/v1/routes/" + ROUTE).status() == 200
                && riskTotal(ownAnalyst()) == 6);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void theSearchGivesAnotherOrganisationOnlyReportsConsentedForProtection() {
        for (Api reader : List.of(otherAnalyst(), otherAdvocate())) {
            Api.Response found = reader.get("/api/v1/incidents?limit=500&route=" + ROUTE);

            assertThat(ids(found.json())).containsExactlyInAnyOrder(consented, consentedLater, last);
            assertThat(found.body()).doesNotContain(SECRET);
        }
    }

    @Test
    void anotherOrganisationFindsAReportWithoutConsentNoMoreThanOneNotShared() {
        for (String id : List.of(noConsent, aggregatedOnly, withdrawn)) {
            for (String path : List.of("", "?minVersion=0", "/history")) {
                Api.Response answer = otherAnalyst().get("/api/v1/incidents/" + id + path);

                assertThat(answer.status()).as("%s%s: %s", id, path, answer).isEqualTo(404);
                assertThat(answer.json().get("code").asText()).isEqualTo("incident.not-found");
            }
        }
        assertThat(otherAnalyst().get("/api/v1/incidents/" + consented).json().get("description").asText())
                .isEqualTo(PLAIN);
    }

    @Test
    void anotherOrganisationsWritesFindAReportWithoutConsentNoMoreThanOneNotShared() {
        Api olga = system.commands().bearer(tokens.token("olga", "org-b", "ANALYST"));
        Api.Response amended = olga.post("/api/v1/incidents/" + noConsent + "/amendments", Map.of("expectedVersion", 0,
                "reason", "probing", "changes", Map.of("affected", Map.of("dead", 1))));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(404);

        // Far from the segment, so that it is on no route and moves none of the figures the other tests read.
        Api.Response own = olga.post("/api/v1/incidents", Reports.kidnapping().sharedWith("ORGANISATION")
                .withPlace("coordinates", Map.of("lat", -20.0, "lon", -70.0)).build());
        String ownId = own.json().get("incidentId").asText();
        Api.Response duplicate = olga.post("/api/v1/incidents/" + ownId + "/duplicate-of", Map.of("expectedVersion", 0,
                "incidentId", noConsent, "reason", "the same kidnapping"));
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(400);
        assertThat(duplicate.body()).contains("incident.duplicate-of.unknown");
    }

    @Test
    void aPastStateNeedsTheConsentThenAndNow() {
        Api.Response withdrawnSince = otherAnalyst()
                .get("/api/v1/incidents/" + withdrawn + "?asOf=" + beforeWithdrawal);
        assertThat(withdrawnSince.status()).as(withdrawnSince.toString()).isEqualTo(404);
        assertThat(withdrawnSince.body()).doesNotContain(SECRET);

        Api.Response notYetGiven = otherAnalyst().get("/api/v1/incidents/" + consentedLater + "?asOf=" + beforeConsent);
        assertThat(notYetGiven.status()).as(notYetGiven.toString()).isEqualTo(403);
        assertThat(notYetGiven.json().get("code").asText()).isEqualTo("incident.not-shared-then");

        String given = recordedAt(consentedLater, 1);
        assertThat(otherAnalyst().get("/api/v1/incidents/" + consentedLater + "?asOf=" + given).status())
                .isEqualTo(200);
    }

    @Test
    void historyRecordedWithoutConsentShowsAsChangedNotShared() {
        JsonNode items = otherAnalyst().get("/api/v1/incidents/" + consentedLater + "/history").json().get("items");

        assertThat(items).hasSize(2);
        for (JsonNode entry : items) {
            assertThat(entry.get("shared").asBoolean()).as(entry.toString()).isFalse();
            assertThat(entry.get("changes").isNull()).isTrue();
        }
    }

    @Test
    void countsLeaveOutWhatAnotherOrganisationMayNotRead() {
        assertThat(otherAnalyst().get("/api/v1/incidents/counts?route=" + ROUTE).json().get("incidents").asLong())
                .isEqualTo(3);
        assertThat(ownAnalyst().get("/api/v1/incidents/counts?route=" + ROUTE).json().get("incidents").asLong())
                .isEqualTo(6);
    }

    @Test
    void theRiskViewCountsAnotherOrganisationsReportsOnlyWithConsent() {
        assertThat(riskTotal(otherAnalyst())).isEqualTo(3);
        assertThat(riskTotal(otherAdvocate())).isEqualTo(3);
    }

    @Test
    void anAlertRuleCountsAnotherOrganisationsReportsOnlyWithConsent() {
        assertThat(otherAnalyst().get("/api/v1/alerts?route=" + ROUTE).json().get("items"))
                .as("org-b's rule never counted four").isEmpty();
        JsonNode own = ownAnalyst().get("/api/v1/alerts?route=" + ROUTE).json().get("items").get(0);
        assertThat(own.get("incidentIds")).hasSize(6);
    }

    @Test
    void theReportingOrganisationReadsAllOfItsOwn() {
        assertThat(ids(ownAnalyst().get("/api/v1/incidents?limit=500&route=" + ROUTE).json()))
                .containsExactlyInAnyOrder(consented, noConsent, aggregatedOnly, consentedLater, withdrawn, last);
        assertThat(ownAnalyst().get("/api/v1/incidents/" + noConsent).json().get("description").asText())
                .isEqualTo(SECRET);
        assertThat(ownAnalyst().get("/api/v1/incidents/" + withdrawn + "?asOf=" + beforeWithdrawal).status())
                .isEqualTo(200);
        ownAnalyst().get("/api/v1/incidents/" + consentedLater + "/history").json().get("items")
                .forEach(entry -> assertThat(entry.get("shared").asBoolean()).isTrue());
    }

    @Test
    void thePublicExportStillReachesPublishedReportsAsPublic() {
        Api.Response published = otherAdvocate().get("/api/v1/exports/incidents?format=json&audience=public&route="
                + ROUTE);

        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.body()).contains(aggregatedOnly).doesNotContain(SECRET);
    }

    private static long riskTotal(Api reader) {
        long total = 0;
        for (JsonNode segment : reader.get(RISK).json().get("segments")) {
            total += segment.get("total").get("incidents").get("total").asLong();
        }
        return total;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("incidentId").asText()));
        return ids;
    }

    private static Api ownAnalyst() {
        return system.queries().bearer(tokens.token("ana", "org-a", "ANALYST"));
    }

    private static Api otherAnalyst() {
        return system.queries().bearer(tokens.token("olga", "org-b", "ANALYST"));
    }

    private static Api otherAdvocate() {
        return system.queries().bearer(tokens.token("pablo", "org-b", "ADVOCATE"));
    }

    private static String report(String sharing, String description, String... consentUses) {
        Api.Response created = system.commands().bearer(tokens.token("maria", "org-a", "MONITOR")).post(
                "/api/v1/incidents", Reports.kidnapping().onRoute(ROUTE, SEGMENT).sharedWith(sharing)
                        .with("description", description).consentingTo(consentUses).build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("incidentId").asText();
        assertThat(ownAnalyst().get("/api/v1/incidents/" + id + "?minVersion=0").status()).isEqualTo(200);
        return id;
    }

    private static void amendConsent(String id, Map<String, Object> consent) {
        Api.Response amended = system.commands().bearer(tokens.token("ana", "org-a", "ANALYST")).post(
                "/api/v1/incidents/" + id + "/amendments", Map.of("expectedVersion", 0,
                        "reason", "the consent changed", "changes", Map.of("consent", consent)));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(ownAnalyst().get("/api/v1/incidents/" + id + "?minVersion=1").status()).isEqualTo(200);
    }

    private static String recordedAt(String id, int event) {
        return ownAnalyst().get("/api/v1/incidents/" + id + "/history").json().get("items").get(event)
                .get("recordedAt").asText();
    }
}
