package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.MissingPersonReports;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who sees what of a missing person. Personal fields reach only monitors and analysts of the owning organisation; an
 * advocate never sees one, on any path. Another organisation never learns that an organisation-only case exists: not
 * through a read, a search, a count, a possible match or a duplicate signal. A case shared with the network shows
 * other organisations its non-identifying facts and whom to contact, and tells both owners of a matching pair that the
 * other may hold the same person.
 */
class MissingPersonVisibilityTest {

    private static final String CASES = "/api/v1/missing-persons";
    private static final String ROUTE = "visibility-route";
    private static final String PUBLIC_ROUTE = "published-cases-route";
    private static final String LOCATED_ROUTE = "located-cases-route";
    private static final List<String> PERSONAL = List.of("Xiadani", "Torres", "Marisol", "Chávez", "Chavez", "555 0101",
            "scar on the left hand", "Bajo Chiquito");
    private static TestTokens tokens;
    private static TravesiaSystem system;
    private static String privateCase;
    private static String sharedCase;
    private static String otherSharedCase;
    private static String otherPrivateCase;
    private static String death;
    private static String publicCase;
    private static String networkTwinOfPublicCase;
    private static String deathOnPublicRoute;

    @BeforeAll
    static void start() {
        tokens = TestTokens.generate();
        system = TravesiaSystem.start(tokens.property());
        privateCase = report("org-a", MissingPersonReports.of("Xiadani Torres").sharedWith("ORGANISATION"));
        sharedCase = report("org-a", MissingPersonReports.of("Marisol Chávez Rojas").sharedWith("NETWORK"));
        otherSharedCase = report("org-b", MissingPersonReports.of("Marisol Chavez").sharedWith("NETWORK"));
        otherPrivateCase = report("org-b", MissingPersonReports.of("Xiadani Torres").sharedWith("ORGANISATION"));
        report("org-c", MissingPersonReports.of("Marisol Chávez").sharedWith("ORGANISATION"));
        Api.Response reported = system.commands().bearer(tokens.token("maria", "org-a", "MONITOR"))
                .post("/api/v1/incidents", Reports.kidnapping().with("type", "DEATH").with("occurredAt", "2026-10-20")
                        .onRoute(ROUTE, null).affected(Map.of("dead", 3)).sharedWith("NETWORK")
                        .consentingTo("PROTECTION").build());
        death = reported.json().get("incidentId").asText();
        assertThat(queries("org-a", "ANALYST").get("/api/v1/incidents/" + death + "?minVersion=0").status())
                .isEqualTo(200);
        publicCase = report("org-a", PUBLIC_ROUTE, MissingPersonReports.of("Yolanda Quispe Mamani")
                .sharedWith("PUBLIC"));
        networkTwinOfPublicCase = report("org-b", PUBLIC_ROUTE, MissingPersonReports.of("Yolanda Quispe")
                .sharedWith("NETWORK"));
        deathOnPublicRoute = system.commands().bearer(tokens.token("m-org-b", "org-b", "MONITOR"))
                .post("/api/v1/incidents", Reports.kidnapping().with("type", "DEATH").with("occurredAt", "2026-10-20")
                        .onRoute(PUBLIC_ROUTE, null).affected(Map.of("dead", 1)).sharedWith("NETWORK").build())
                .json().get("incidentId").asText();
        assertThat(queries("org-b", "MONITOR").get("/api/v1/incidents/" + deathOnPublicRoute + "?minVersion=0")
                .status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @ParameterizedTest(name = "an advocate of {0}")
    @ValueSource(strings = {"org-a", "org-b"})
    void anAdvocateNeverSeesAPersonalFieldOnAnyPath(String organisation) {
        Api advocate = queries(organisation, "ADVOCATE");

        List<Api.Response> answers = List.of(advocate.get(CASES + "?route=" + ROUTE),
                advocate.get(CASES + "/" + sharedCase), advocate.get(CASES + "/" + sharedCase + "/history"),
                advocate.get(CASES + "/" + otherSharedCase), advocate.get(CASES + "/counts?route=" + ROUTE),
                advocate.get("/api/v1/incidents/" + death + "/possible-matches"));

        for (Api.Response answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            PERSONAL.forEach(personal -> assertThat(answer.body()).doesNotContain(personal));
        }
        assertThat(caseIds(answers.get(0).json())).containsExactlyInAnyOrder(sharedCase, otherSharedCase);
        assertThat(answers.get(1).json().get("person").properties()).extracting(Map.Entry::getKey)
                .containsExactly("sex", "ageRange", "nationality");
        Api.Response byName = advocate.get(CASES + "?name=Marisol");
        assertThat(byName.status()).isEqualTo(403);
        assertThat(byName.json().get("code").asText()).isEqualTo("missing-person.name-search-not-allowed");
    }

    @ParameterizedTest(name = "as {0} of another organisation")
    @ValueSource(strings = {"MONITOR", "ANALYST", "ADVOCATE", "ADMIN"})
    void anotherOrganisationNeverLearnsThatAnOrganisationOnlyCaseExists(String role) {
        Api other = queries("org-b", role);

        assertThat(other.get(CASES + "/" + privateCase).status()).isEqualTo(404);
        assertThat(other.get(CASES + "/" + privateCase + "/history").status()).isEqualTo(404);
        assertThat(caseIds(other.get(CASES + "?route=" + ROUTE).json())).doesNotContain(privateCase);
        JsonNode counts = other.get(CASES + "/counts?route=" + ROUTE).json();
        long seen = caseIds(other.get(CASES + "?route=" + ROUTE + "&limit=500").json()).size();
        assertThat(counts.get("cases").asLong()).as("counts hold exactly what the caller may list").isEqualTo(seen);
        Api.Response matches = other.get("/api/v1/incidents/" + death + "/possible-matches");
        if (matches.status() == 200) {
            assertThat(matches.body()).doesNotContain(privateCase);
        }
    }

    @ParameterizedTest(name = "as {0} of another organisation")
    @ValueSource(strings = {"MONITOR", "ANALYST", "ADVOCATE", "ADMIN"})
    void aPublicCaseReachesAnotherOrganisationOnlyThroughCounts(String role) {
        Api other = queries("org-b", role);

        assertThat(other.get(CASES + "/" + publicCase).status()).isEqualTo(404);
        assertThat(other.get(CASES + "/" + publicCase + "/history").status()).isEqualTo(404);
        assertThat(caseIds(other.get(CASES + "?route=" + PUBLIC_ROUTE + "&limit=500").json()))
                .doesNotContain(publicCase);
        assertThat(matchedCases(other.get("/api/v1/incidents/" + deathOnPublicRoute + "/possible-matches").json()))
                .doesNotContain(publicCase);
        long counted = other.get(CASES + "/counts?route=" + PUBLIC_ROUTE).json().get("cases").asLong();
        assertThat(counted).as("org-b's own network case, and org-a's published one for those who read published"
                + " reports").isEqualTo(role.equals("MONITOR") ? 1 : 2);
    }

    @Test
    void actingOnAnotherOrganisationsPublicCaseAnswersAsIfItDidNotExist() {
        Api analyst = system.commands().bearer(tokens.token("analyst-org-b", "org-b", "ANALYST"));
        Map<String, Object> sighting = Map.of("date", "2026-10-09", "place", Map.of("country", "PA"),
                "source", "MEDIA", "confidence", "LOW");

        Api.Response onPublicCase = analyst.post(CASES + "/" + publicCase + "/sightings", sighting);
        Api.Response onNoCase = analyst.post(CASES + "/" + privateCase + "-none/sightings", sighting);

        assertThat(onPublicCase.status()).as(onPublicCase.toString()).isEqualTo(onNoCase.status());
        assertThat(onPublicCase.json().get("code").asText()).isEqualTo(onNoCase.json().get("code").asText());
    }

    @Test
    void theOwnerWorksItsPublicCaseWhichGivesNoDuplicateSignalSinceSignalsFireOnlyBetweenNetworkCases() {
        JsonNode owned = queries("org-a", "ANALYST").get(CASES + "/" + publicCase).json();
        JsonNode twin = queries("org-b", "ANALYST").get(CASES + "/" + networkTwinOfPublicCase).json();

        assertThat(owned.get("person").get("fullName").asText()).isEqualTo("Yolanda Quispe Mamani");
        assertThat(owned.get("possibleDuplicates")).isEmpty();
        assertThat(twin.get("possibleDuplicates")).isEmpty();
    }

    @Test
    void aCaseHistoryShowsGlobalPositionsOnlyToAdminsOfTheOwningOrganisation() {
        assertThat(positions(queries("org-a", "ADMIN"), sharedCase)).allMatch(JsonNode::isIntegralNumber);
        assertThat(positions(queries("org-a", "ANALYST"), sharedCase)).allMatch(JsonNode::isNull);
        assertThat(positions(queries("org-a", "MONITOR"), sharedCase)).allMatch(JsonNode::isNull);
        assertThat(positions(queries("org-b", "ADMIN"), sharedCase)).allMatch(JsonNode::isNull);
        assertThat(positions(queries("org-b", "ANALYST"), sharedCase)).allMatch(JsonNode::isNull);
        assertThat(positions(queries("org-b", "ADVOCATE"), sharedCase)).allMatch(JsonNode::isNull);
    }

    @Test
    void theOwningOrganisationsCaseworkersSeeEverythingItsAdminOnlyTheFacts() {
        JsonNode full = queries("org-a", "ANALYST").get(CASES + "/" + privateCase).json();
        JsonNode facts = queries("org-a", "ADMIN").get(CASES + "/" + privateCase).json();

        assertThat(full.get("person").get("fullName").asText()).isEqualTo("Xiadani Torres");
        assertThat(queries("org-a", "MONITOR").get(CASES + "/" + privateCase).json().get("reporter").get("contact")
                .asText()).contains("555 0101");
        assertThat(facts.get("person").has("fullName")).isFalse();
        assertThat(facts.get("organisation").asText()).isEqualTo("org-a");
    }

    @Test
    void aNetworkCaseShowsAnotherOrganisationItsFactsAndWhomToContact() {
        JsonNode seen = queries("org-b", "ANALYST").get(CASES + "/" + sharedCase).json();

        assertThat(seen.get("organisation").asText()).isEqualTo("org-a");
        assertThat(seen.get("status").asText()).isEqualTo("OPEN");
        assertThat(seen.get("lastSeen").get("date").asText()).isEqualTo("2026-10-02");
        assertThat(seen.get("lastSeen").get("place").get("country").asText()).isEqualTo("PA");
        assertThat(seen.get("lastSeen").get("routeId").asText()).isEqualTo(ROUTE);
        assertThat(seen.get("person").get("sex").asText()).isEqualTo("FEMALE");
        assertThat(seen.get("person").get("ageRange").get("min").asInt()).as("the band, not the age").isEqualTo(20);
        PERSONAL.forEach(personal -> assertThat(seen.toString()).doesNotContain(personal));
        assertThat(seen.has("reporter")).isFalse();
        assertThat(seen.has("possibleDuplicates")).isFalse();
    }

    @Test
    void bothOwnersOfMatchingNetworkCasesLearnThatTheOtherMayHoldThePersonAndNothingMore() {
        JsonNode fromA = queries("org-a", "ANALYST").get(CASES + "/" + sharedCase).json();
        JsonNode fromB = queries("org-b", "ANALYST").get(CASES + "/" + otherSharedCase).json();

        assertThat(fromA.get("possibleDuplicates").toString()).isEqualTo("[{\"organisation\":\"org-b\"}]");
        assertThat(fromB.get("possibleDuplicates").toString()).isEqualTo("[{\"organisation\":\"org-a\"}]");
    }

    @Test
    void anOrganisationOnlyCaseGivesNoDuplicateSignal() {
        JsonNode fromA = queries("org-a", "ANALYST").get(CASES + "/" + privateCase).json();
        JsonNode fromB = queries("org-b", "ANALYST").get(CASES + "/" + otherPrivateCase).json();
        JsonNode shared = queries("org-a", "ANALYST").get(CASES + "/" + sharedCase).json();

        assertThat(fromA.get("possibleDuplicates")).isEmpty();
        assertThat(fromB.get("possibleDuplicates")).isEmpty();
        assertThat(shared.get("possibleDuplicates").toString()).as("org-c's organisation-only match stays unknown")
                .doesNotContain("org-c");
    }

    @Test
    void aNameIsSearchedOnlyAmongTheCallersOwnCases() {
        assertThat(caseIds(queries("org-b", "ANALYST").get(CASES + "?name=Xiadani%20Torres").json()))
                .containsExactly(otherPrivateCase);
        assertThat(caseIds(queries("org-b", "ANALYST").get(CASES + "?name=Marisol").json()))
                .as("org-a's network case is not found by name from org-b").containsExactly(otherSharedCase);
    }

    @Test
    void possibleMatchesListOnlyCasesTheCallerMaySeeEachAsItMaySeeIt() {
        JsonNode fromA = queries("org-a", "ANALYST").get("/api/v1/incidents/" + death + "/possible-matches").json();
        JsonNode fromB = queries("org-b", "ANALYST").get("/api/v1/incidents/" + death + "/possible-matches").json();

        assertThat(matchedCases(fromA)).containsExactlyInAnyOrder(privateCase, sharedCase, otherSharedCase);
        assertThat(matchedCases(fromB)).containsExactlyInAnyOrder(sharedCase, otherSharedCase, otherPrivateCase);
        for (JsonNode item : fromB.get("items")) {
            if (item.get("case").get("caseId").asText().equals(sharedCase)) {
                assertThat(item.get("case").get("person").has("fullName")).isFalse();
                assertThat(item.toString()).doesNotContain("Marisol");
            }
        }
        assertThat(fromA.get("items").get(0).get("reasons").get(0).get("code").asText()).isEqualTo("same-route");
    }

    /**
     * The review's finding: another organisation's incidents, placed at chosen points, read the distance to a case's
     * sealed last-seen point back from its score and filtered it by the distance limit, and so could triangulate it.
     */
    @Test
    void anotherOrganisationIsNeverToldHowFarFromItsIncidentACaseWasLastSeen() {
        String located = report("org-a", LOCATED_ROUTE, MissingPersonReports.of("Ximena Lara Ortiz")
                .sharedWith("NETWORK").lastSeenAt("coordinates", Map.of("lat", 8.05, "lon", -77.66))
                .lastSeenAt("precision", "KM_2"));
        Api.Response reported = system.commands().bearer(tokens.token("m-org-b", "org-b", "MONITOR"))
                .post("/api/v1/incidents", Reports.kidnapping().with("type", "DEATH").with("occurredAt", "2026-10-20")
                        .onRoute(LOCATED_ROUTE, null).affected(Map.of("dead", 1)).sharedWith("NETWORK")
                        .consentingTo("PROTECTION").build());
        String nearby = reported.json().get("incidentId").asText();
        assertThat(queries("org-a", "ANALYST").get("/api/v1/incidents/" + nearby + "?minVersion=0").status())
                .isEqualTo(200);

        JsonNode owner = matchOf(queries("org-a", "ANALYST").get("/api/v1/incidents/" + nearby + "/possible-matches")
                .json(), located);
        JsonNode other = matchOf(queries("org-b", "ANALYST").get("/api/v1/incidents/" + nearby + "/possible-matches")
                .json(), located);

        assertThat(owner.get("reasons").toString()).contains("within-distance");
        assertThat(other.get("reasons").toString()).contains("distance-not-shared").doesNotContain("within-distance")
                .doesNotContain("km");
    }

    private static JsonNode matchOf(JsonNode matches, String caseId) {
        for (JsonNode item : matches.get("items")) {
            if (item.get("case").get("caseId").asText().equals(caseId)) {
                return item;
            }
        }
        throw new AssertionError("case " + caseId + " not among the matches: " + matches);
    }

    private static String report(String organisation, MissingPersonReports report) {
        return report(organisation, ROUTE, report);
    }

    private static String report(String organisation, String route, MissingPersonReports report) {
        Api monitor = system.commands().bearer(tokens.token("m-" + organisation, organisation, "MONITOR"));
        Api.Response created = monitor.post(CASES, report.lastSeen("routeId", route)
                .lastSeenAt("locality", "Bajo Chiquito").build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String caseId = created.json().get("caseId").asText();
        assertThat(queries(organisation, "MONITOR").get(CASES + "/" + caseId + "?minVersion=0").status())
                .isEqualTo(200);
        return caseId;
    }

    private static Api queries(String organisation, String role) {
        return system.queries().bearer(tokens.token(role.toLowerCase() + "-" + organisation, organisation, role));
    }

    private static List<String> caseIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("caseId").asText()));
        return ids;
    }

    private static List<JsonNode> positions(Api reader, String caseId) {
        Api.Response history = reader.get(CASES + "/" + caseId + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        List<JsonNode> positions = new ArrayList<>();
        history.json().get("items").forEach(entry -> positions.add(entry.get("position")));
        assertThat(positions).isNotEmpty();
        return positions;
    }

    private static List<String> matchedCases(JsonNode matches) {
        List<String> ids = new ArrayList<>();
        matches.get("items").forEach(item -> ids.add(item.get("case").get("caseId").asText()));
        return ids;
    }
}
