package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

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
 * What another organisation may see of a report's past: a past state only if it was shared with that organisation
 * when it was recorded and the report is shared with it now. An organisation that reports privately, removes a name
 * by amendment and then shares the report must not have shared the name: not through {@code asOf}, not through the
 * history, not through any export. The owning organisation sees its own past in full.
 */
class PastStatesAcrossOrganisationsTest {

    private static final String ROUTE = "past-states-route";
    private static final String NAME = "Juan Pérez";
    private static final String ORIGINAL = NAME + ", 16, taken at the river crossing by two armed men.";
    private static final String SANITISED = "A boy was taken at the river crossing by two armed men.";
    private static final String WHY_SANITISED = "removed the name of " + NAME + " before sharing";

    private static TestTokens tokens;
    private static TravesiaSystem system;
    private static String sanitised;
    private static String unpublished;
    /** recordedAt of each of the sanitised report's events: reported, amended, shared, amended again. */
    private static List<String> recorded;
    private static String whilePublic;

    @BeforeAll
    static void start() {
        tokens = TestTokens.generate();
        system = TravesiaSystem.start(tokens.property());
        sanitised = report("ORGANISATION", ORIGINAL);
        post("/api/v1/incidents/" + sanitised + "/amendments", Map.of("expectedVersion", 0, "reason", WHY_SANITISED,
                "changes", Map.of("description", SANITISED)));
        post("/api/v1/incidents/" + sanitised + "/sharing", Map.of("expectedVersion", 1, "sharing", "NETWORK",
                "reason", "sanitised, " + NAME + " no longer named"));
        post("/api/v1/incidents/" + sanitised + "/amendments", Map.of("expectedVersion", 2, "reason", "confirmed",
                "changes", Map.of("affected", Map.of("missing", 1))));
        assertThat(ownAnalyst().get("/api/v1/incidents/" + sanitised + "?minVersion=3").status()).isEqualTo(200);
        recorded = new ArrayList<>();
        ownAnalyst().get("/api/v1/incidents/" + sanitised + "/history").json().get("items")
                .forEach(entry -> recorded.add(entry.get("recordedAt").asText()));
        assertThat(recorded).as("each event at its own instant").hasSize(4).doesNotHaveDuplicates();

        unpublished = report("PUBLIC", SANITISED);
        whilePublic = ownAnalyst().get("/api/v1/incidents/" + unpublished + "/history").json().get("items").get(0)
                .get("recordedAt").asText();
        post("/api/v1/incidents/" + unpublished + "/sharing", Map.of("expectedVersion", 0, "sharing", "NETWORK",
                "reason", "withdrawn from publication"));
        assertThat(ownAnalyst().get("/api/v1/incidents/" + unpublished + "?minVersion=1").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void anAsOfReadOfAStateThatWasNotSharedThenIsRefused() {
        for (int event = 0; event < 2; event++) {
            Api.Response then = otherAnalyst().get("/api/v1/incidents/" + sanitised + "?asOf=" + recorded.get(event));

            assertThat(then.status()).as(then.toString()).isEqualTo(403);
            assertThat(then.json().get("code").asText()).isEqualTo("incident.not-shared-then");
            assertThat(then.body()).doesNotContain(NAME);
        }
        JsonNode shared = otherAnalyst().get("/api/v1/incidents/" + sanitised + "?asOf=" + recorded.get(2)).json();
        assertThat(shared.get("version").asLong()).isEqualTo(2);
        assertThat(shared.get("description").asText()).isEqualTo(SANITISED);
    }

    @Test
    void historyRecordedUnderNarrowerSharingShowsAsChangedNotShared() {
        Api.Response history = otherAnalyst().get("/api/v1/incidents/" + sanitised + "/history");

        assertThat(history.body()).doesNotContain(NAME);
        JsonNode items = history.json().get("items");
        assertThat(items).hasSize(4);
        for (int event = 0; event < 3; event++) {
            JsonNode entry = items.get(event);
            assertThat(entry.get("shared").asBoolean()).as("entry %s", event).isFalse();
            assertThat(entry.get("changes").isNull()).isTrue();
            assertThat(entry.get("reason").isNull()).isTrue();
            assertThat(entry.get("actor").get("organisation").asText()).isEqualTo("org-a");
            assertThat(entry.get("recordedAt").asText()).isEqualTo(recorded.get(event));
        }
        assertThat(items.get(1).get("event").asText()).isEqualTo("IncidentAmended");
        assertThat(items.get(1).get("changedFields")).extracting(JsonNode::asText).containsExactly("description");
        assertThat(items.get(2).get("changedFields")).extracting(JsonNode::asText).containsExactly("sharing");
        JsonNode sharedAmendment = items.get(3);
        assertThat(sharedAmendment.get("shared").asBoolean()).isTrue();
        assertThat(sharedAmendment.get("reason").asText()).isEqualTo("confirmed");
        assertThat(sharedAmendment.get("changes").get("affected").get("to").get("missing").asInt()).isEqualTo(1);
    }

    @Test
    void theOwningOrganisationSeesItsWholeHistory() {
        JsonNode items = ownAnalyst().get("/api/v1/incidents/" + sanitised + "/history").json().get("items");

        items.forEach(entry -> assertThat(entry.get("shared").asBoolean()).isTrue());
        assertThat(items.get(1).get("changes").get("description").get("from").asText()).isEqualTo(ORIGINAL);
        assertThat(items.get(1).get("reason").asText()).isEqualTo(WHY_SANITISED);
        assertThat(ownAnalyst().get("/api/v1/incidents/" + sanitised + "?asOf=" + recorded.get(0)).json()
                .get("description").asText()).isEqualTo(ORIGINAL);
    }

    @Test
    void anInternalExportAsOfLeavesOutStatesThatWereNotSharedThen() {
        for (int event = 0; event < 2; event++) {
            String then = otherAnalyst().get(export("internal", recorded.get(event))).body();

            assertThat(then).doesNotContain(sanitised).doesNotContain(NAME);
        }
        assertThat(otherAnalyst().get(export("internal", recorded.get(2))).body()).contains(sanitised, SANITISED);
        assertThat(ownAnalyst().get(export("internal", recorded.get(0))).body()).contains(sanitised, ORIGINAL);
    }

    @Test
    void aNetworkExportAsOfLeavesOutStatesThatWereNotSharedThen() {
        String then = otherAdvocate().get(export("network", recorded.get(0))).body();

        assertThat(then).doesNotContain(sanitised).doesNotContain(NAME);
        assertThat(otherAdvocate().get(export("network", recorded.get(3))).body()).contains(sanitised);
    }

    @Test
    void anExportAsOfLeavesOutReportsNoLongerSharedWithItsAudience() {
        String published = otherAdvocate().get(export("public", whilePublic)).body();

        assertThat(published).as("withdrawn from publication since").doesNotContain(unpublished);
        assertThat(otherAdvocate().get(export("network", whilePublic)).body()).contains(unpublished);
    }

    @Test
    void globalPositionsInHistoryGoOnlyToAdminsOfTheReportingOrganisation() {
        JsonNode own = system.queries().bearer(tokens.token("root", "org-a", "ADMIN"))
                .get("/api/v1/incidents/" + sanitised + "/history").json().get("items");
        List<Long> positions = new ArrayList<>();
        own.forEach(entry -> positions.add(entry.get("position").asLong()));
        assertThat(positions).isSorted().doesNotHaveDuplicates().allMatch(p -> p >= 0);

        for (Api reader : List.of(otherAnalyst(), ownAnalyst(),
                system.queries().bearer(tokens.token("root-b", "org-b", "ADMIN")))) {
            JsonNode items = reader.get("/api/v1/incidents/" + sanitised + "/history").json().get("items");
            assertThat(items).hasSize(4);
            items.forEach(entry -> {
                assertThat(entry.get("position").isNull()).as(entry.toString()).isTrue();
                assertThat(entry.get("sequence").isNumber()).isTrue();
            });
        }
    }

    private static String export(String audience, String asOf) {
        return "/api/v1/exports/incidents?format=json&audience=" + audience + "&route=" + ROUTE + "&asOf=" + asOf;
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

    private static String report(String sharing, String description) {
        Api.Response created = system.commands().bearer(tokens.token("maria", "org-a", "MONITOR")).post(
                "/api/v1/incidents", Reports.kidnapping().onRoute(ROUTE, null).sharedWith(sharing)
                        .with("description", description).consentingTo("PROTECTION", "ADVOCACY_AGGREGATED").build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("incidentId").asText();
        assertThat(ownAnalyst().get("/api/v1/incidents/" + id + "?minVersion=0").status()).isEqualTo(200);
        return id;
    }

    private static void post(String path, Map<String, Object> body) {
        Api.Response answer = system.commands().bearer(tokens.token("ana", "org-a", "ANALYST")).post(path, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }
}
