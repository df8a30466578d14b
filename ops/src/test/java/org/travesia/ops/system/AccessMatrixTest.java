package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.TestTokens;

/**
 * Every endpoint, every role, own and other organisation, against a report at each sharing level: the status each
 * combination must get. The table is the access policy; a change to either shows up here.
 * <p>
 * Incidents belong to {@code org-a} and were reported by its monitor {@code maria}. "own" callers are of org-a
 * (the monitor is maria); "other" callers are of org-b. Reads of something one may not see answer 404, as if it did
 * not exist; writes to something one may see but not change answer 403.
 */
class AccessMatrixTest {

    private static final List<String> ROLES = List.of("monitor", "analyst", "advocate", "admin");
    private static TestTokens tokens;
    private static TravesiaSystem system;

    /** Expected statuses in ROLES order, own organisation then other: m-own m-other a-own a-other v-own v-other d-own d-other. */
    private static final Object[][] TABLE = {
            // endpoint,                  sharing,        expected
            {"POST report",               "ORGANISATION", "201 201 201 201 403 403 403 403"},
            {"POST amendments",           "ORGANISATION", "200 404 200 404 403 403 403 403"},
            {"POST amendments",           "NETWORK",      "200 404 200 403 403 403 403 403"},
            {"POST sources",              "ORGANISATION", "200 404 200 404 403 403 403 403"},
            {"POST sources",              "NETWORK",      "200 404 200 403 403 403 403 403"},
            {"POST verification",         "ORGANISATION", "403 403 200 404 403 403 403 403"},
            {"POST verification",         "NETWORK",      "403 403 200 403 403 403 403 403"},
            {"POST duplicate-of",         "ORGANISATION", "403 403 200 404 403 403 403 403"},
            {"POST duplicate-of",         "NETWORK",      "403 403 200 403 403 403 403 403"},
            {"POST retraction",           "ORGANISATION", "403 403 200 404 403 403 403 403"},
            {"POST retraction",           "NETWORK",      "403 403 200 403 403 403 403 403"},
            {"POST sharing",              "ORGANISATION", "403 403 200 404 403 403 403 403"},
            {"POST sharing",              "NETWORK",      "403 403 200 403 403 403 403 403"},
            {"GET incident",              "ORGANISATION", "200 404 200 404 404 404 200 404"},
            {"GET incident",              "NETWORK",      "200 404 200 200 200 200 200 200"},
            {"GET incident",              "PUBLIC",       "200 404 200 200 200 200 200 200"},
            {"GET history",               "ORGANISATION", "200 404 200 404 404 404 200 404"},
            {"GET history",               "NETWORK",      "200 404 200 200 200 200 200 200"},
            {"GET search",                "ORGANISATION", "200 200 200 200 200 200 200 200"},
            {"GET counts",                "ORGANISATION", "200 200 200 200 200 200 200 200"},
            {"GET taxonomy",              "ORGANISATION", "200 200 200 200 200 200 200 200"},
            {"GET export public",         "ORGANISATION", "403 403 200 200 200 200 200 200"},
            {"GET export internal",       "ORGANISATION", "403 403 200 200 403 403 200 200"},
            {"GET audit",                 "ORGANISATION", "403 403 403 403 403 403 200 200"},
            {"GET eventprocessors",       "ORGANISATION", "403 403 403 403 403 403 403 403"},
            {"GET prometheus",            "ORGANISATION", "403 403 403 403 403 403 403 403"},
            {"GET dead-letters",          "ORGANISATION", "403 403 403 403 403 403 403 403"},
            {"POST replay",               "ORGANISATION", "403 403 403 403 403 403 403 403"},
            {"GET api-docs",              "ORGANISATION", "200 200 200 200 200 200 200 200"},
    };

    @BeforeAll
    static void start() {
        tokens = TestTokens.generate();
        system = TravesiaSystem.start(tokens.property());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Object[] row : TABLE) {
            String[] expected = ((String) row[2]).split(" ");
            for (int r = 0; r < ROLES.size(); r++) {
                cases.add(Arguments.of(row[0], row[1], ROLES.get(r), "own", Integer.parseInt(expected[2 * r])));
                cases.add(Arguments.of(row[0], row[1], ROLES.get(r), "other", Integer.parseInt(expected[2 * r + 1])));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on a {1} report as {2} of the {3} organisation: {4}")
    @MethodSource("cases")
    void eachRoleGetsWhatThePolicySays(String endpoint, String sharing, String role, String organisation,
                                       int expected) {
        String incident = reportAsMaria(sharing);
        String survivor = reportAsMaria("NETWORK");
        String user = role.equals("monitor") && organisation.equals("own") ? "maria" : role + "-" + organisation;
        String token = tokens.token(user, organisation.equals("own") ? "org-a" : "org-b",
                role.toUpperCase(Locale.ROOT));

        Api.Response response = call(endpoint, token, incident, survivor);

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0} without credentials: 401")
    @MethodSource("endpoints")
    void nobodyGetsInWithoutAnIdentity(String endpoint) {
        String incident = reportAsMaria("PUBLIC");
        Api.Response response = call(endpoint, null, incident, incident);

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    static Stream<String> endpoints() {
        return Stream.of(TABLE).map(row -> (String) row[0]).distinct();
    }

    /** A report consenting to the partners' use, so that only its sharing level decides who reads it. */
    private static String reportAsMaria(String sharing) {
        Api.Response created = system.commands().bearer(tokens.token("maria", "org-a", "MONITOR"))
                .post("/api/v1/incidents", Reports.kidnapping().sharedWith(sharing).consentingTo("PROTECTION").build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("incidentId").asText();
        Api.Response projected = system.queries().bearer(tokens.token("maria", "org-a", "MONITOR"))
                .get("/api/v1/incidents/" + id + "?minVersion=0");
        assertThat(projected.status()).isEqualTo(200);
        return id;
    }

    private static Api.Response call(String endpoint, String token, String incident, String survivor) {
        Function<Api, Api> as = api -> token == null ? api : api.bearer(token);
        Api commands = as.apply(system.commands());
        Api queries = as.apply(system.queries());
        String path = "/api/v1/incidents/" + incident;
        return switch (endpoint) {
            case "POST report" -> commands.post("/api/v1/incidents", Reports.kidnapping().build());
            case "POST amendments" -> commands.post(path + "/amendments", Map.of("expectedVersion", 0,
                    "reason", "correction", "changes", Map.of("description", "corrected")));
            case "POST sources" -> commands.post(path + "/sources", Map.of("type", "MEDIA", "quality", 1,
                    "reference", "newspaper"));
            case "POST verification" -> commands.post(path + "/verification", Map.of("note", "checked"));
            case "POST duplicate-of" -> commands.post(path + "/duplicate-of", Map.of("incidentId", survivor,
                    "reason", "same event"));
            case "POST retraction" -> commands.post(path + "/retraction", Map.of("reason", "error"));
            case "POST sharing" -> commands.post(path + "/sharing", Map.of("sharing", "PUBLIC", "reason", "publish"));
            case "GET incident" -> queries.get(path);
            case "GET history" -> queries.get(path + "/history");
            case "GET search" -> queries.get("/api/v1/incidents");
            case "GET counts" -> queries.get("/api/v1/incidents/counts");
            case "GET taxonomy" -> queries.get("/api/v1/taxonomy");
            case "GET export public" -> queries.get("/api/v1/exports/incidents?audience=public");
            case "GET export internal" -> queries.get("/api/v1/exports/incidents?audience=internal&format=json");
            case "GET audit" -> queries.get("/api/v1/audit");
            case "GET eventprocessors" -> queries.get("/actuator/eventprocessors");
            case "GET prometheus" -> queries.get("/actuator/prometheus");
            case "GET dead-letters" -> queries.get("/api/v1/admin/processors/incidents/dead-letters");
            case "POST replay" -> queries.post("/api/v1/admin/processors/incidents/replay", "");
            case "GET api-docs" -> queries.get("/v3/api-docs");
            default -> throw new IllegalArgumentException(endpoint);
        };
    }
}
