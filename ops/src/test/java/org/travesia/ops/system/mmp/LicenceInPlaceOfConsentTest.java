package org.travesia.ops.system.mmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.ops.system.Routes;
import org.travesia.ops.system.TravesiaSystem;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An incident imported from MMP carries MMP's licence (CC BY-IGO), which stands in for the person's consent: another
 * organisation reads it like one consented for protection. So every path agrees with that read: its writes find it,
 * its risk view counts it, its alert rules count it; not only its searches.
 */
class LicenceInPlaceOfConsentTest {

    private static final String ROUTE = "licence-route";
    private static final String SEGMENT = "crossing";
    private static final double LAT = 8.0412;
    private static final double LON = -77.6541;

    private static TestTokens tokens;
    private static TravesiaSystem system;
    private static List<String> imported;

    @BeforeAll
    static void importThreeDeathsOnTheRoute() {
        tokens = TestTokens.generate();
        system = TravesiaSystem.start(tokens.property());
        Api analystA = system.commands().bearer(tokens.token("ana", "org-a", "ANALYST"));
        assertThat(analystA.post("/api/v1/routes", Routes.route(ROUTE)).status()).isEqualTo(201);
        assertThat(analystA.post("/api/v1/routes/" + ROUTE + "/segments",
                Routes.squareSegment(SEGMENT, LAT, LON, 0.2)).status()).isEqualTo(201);
        // org-b's rule fires only if it counts org-a's three imported deaths.
        assertThat(otherCommands().post("/api/v1/routes/" + ROUTE + "/alert-rules",
                Routes.threshold("mmp-deaths", "DEATH", 3, 7)).status()).isEqualTo(201);

        JsonNode summary = MmpSamples.imported(analystA, threeDeaths(), "?sharing=NETWORK");
        assertThat(summary.get("created").asLong()).as(summary.toString()).isEqualTo(3);
        Api readerA = system.queries().bearer(tokens.token("ana", "org-a", "ANALYST"));
        await().atMost(Duration.ofMinutes(1)).until(() -> ids(readerA.get("/api/v1/incidents?route=" + ROUTE
                + "&limit=10").json()).size() == 3);
        imported = ids(readerA.get("/api/v1/incidents?route=" + ROUTE + "&limit=10").json());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void anotherOrganisationReadsTheImportedIncidents() {
        assertThat(ids(otherReader().get("/api/v1/incidents?route=" + ROUTE + "&limit=10").json()))
                .containsExactlyInAnyOrderElementsOf(imported);
    }

    @Test
    void anotherOrganisationsWritesFindAnImportedIncident() {
        Api.Response own = otherCommands().post("/api/v1/incidents", Reports.kidnapping().sharedWith("ORGANISATION")
                .withPlace("coordinates", Map.of("lat", -20.0, "lon", -70.0)).build());
        assertThat(own.status()).as(own.toString()).isEqualTo(201);

        Api.Response duplicate = otherCommands().post("/api/v1/incidents/" + own.json().get("incidentId").asText()
                + "/duplicate-of", Map.of("expectedVersion", 0, "incidentId", imported.get(0),
                "reason", "the same death, reported by MMP"));

        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(200);
    }

    @Test
    void anotherOrganisationsRiskViewCountsTheImportedIncidents() {
        String risk = "/api/v1/routes/" + ROUTE + "/risk?from=2026-11-01&to=2026-11-30&bucket=week";
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            long total = 0;
            for (JsonNode segment : otherReader().get(risk).json().get("segments")) {
                total += segment.get("total").get("incidents").get("total").asLong();
            }
            assertThat(total).isEqualTo(3);
        });
    }

    @Test
    void anotherOrganisationsAlertRuleCountsTheImportedIncidents() {
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(otherReader()
                .get("/api/v1/alerts?route=" + ROUTE).json().get("items")).as("org-b's rule counted three").hasSize(1));
    }

    /** Three MMP deaths inside the segment, in the HDX layout, on no route MMP names. */
    private static byte[] threeDeaths() {
        StringBuilder csv = new StringBuilder("Main ID,Incident ID,Incident Type,Region of Incident,Incident Date,"
                + "Incident Year,Month,Number of Dead,Minimum Estimated Number of Missing,"
                + "Total Number of Dead and Missing,Number of Survivors,Number of Females,Number of Males,"
                + "Number of Children,Country of Origin,Region of Origin,Cause of Death,Country of Incident,"
                + "Migration Route,Location of Incident,Coordinates,UNSD Geographical Grouping,Information Source,URL,"
                + "Source Quality\n");
        for (int day = 20; day <= 22; day++) {
            csv.append("2026.LIC").append(day).append(",2026.LIC").append(day).append(",Incident,Central America,")
                    .append("2026-11-").append(day).append(",2026,November,1,0,1,,,1,,,,Drowning,Panama,,")
                    .append("\"River crossing\",\"").append(LAT).append(", ").append(LON)
                    .append("\",Central America,Media,,3\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Api otherCommands() {
        return system.commands().bearer(tokens.token("olga", "org-b", "ANALYST"));
    }

    private static Api otherReader() {
        return system.queries().bearer(tokens.token("olga", "org-b", "ANALYST"));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("incidentId").asText()));
        return ids;
    }
}
