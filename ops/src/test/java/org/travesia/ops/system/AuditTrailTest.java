package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads of restricted reports are recorded, with who, what and how many; an admin can query the record. */
class AuditTrailTest {

    private static TravesiaSystem system;
    private static Api admin;

    @BeforeAll
    static void start() {
        system = TravesiaSystem.start();
        admin = system.queries().as("admin");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void readingARestrictedReportIsRecordedWithWhoWhatAndHowMany() {
        String restricted = report("NETWORK");
        system.queries().as("analyst").get("/api/v1/incidents/" + restricted);

        JsonNode entries = admin.get("/api/v1/audit?user=analyst&recordId=" + restricted).json().get("items");

        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("action").asText()).isEqualTo("READ");
        assertThat(entry.get("organisation").asText()).isEqualTo("local");
        assertThat(entry.get("path").asText()).isEqualTo("/api/v1/incidents/" + restricted);
        assertThat(entry.get("records").asInt()).isEqualTo(1);
        assertThat(entry.get("correlationId").asText()).isNotBlank();
    }

    @Test
    void aSearchRecordsTheRestrictedRecordsItReturnedAndItsQuery() {
        String route = "audit-route";
        String first = report("ORGANISATION", route);
        String second = report("NETWORK", route);
        String published = report("PUBLIC", route);
        system.queries().as("monitor").get("/api/v1/incidents?route=" + route);

        JsonNode entry = admin.get("/api/v1/audit?user=monitor&action=READ").json().get("items").get(0);

        assertThat(entry.get("query").asText()).isEqualTo("route=" + route);
        assertThat(entry.get("records").asInt()).as("the public report is not restricted").isEqualTo(2);
        List<String> ids = new ArrayList<>();
        entry.get("recordIds").forEach(id -> ids.add(id.asText()));
        assertThat(ids).containsExactlyInAnyOrder(first, second).doesNotContain(published);
    }

    @Test
    void onlyAnAdminMayReadTheAuditLog() {
        assertThat(system.queries().as("analyst").get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/audit?action=NOPE").status()).isEqualTo(400);
    }

    private static String report(String sharing) {
        return report(sharing, null);
    }

    private static String report(String sharing, String route) {
        Reports report = Reports.kidnapping().sharedWith(sharing);
        if (route != null) {
            report.onRoute(route, null);
        }
        String id = system.commands().as("monitor").post("/api/v1/incidents", report.build()).json()
                .get("incidentId").asText();
        assertThat(system.queries().as("admin").get("/api/v1/incidents/" + id + "?minVersion=0").status()).isEqualTo(200);
        return id;
    }
}
