package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;

import com.fasterxml.jackson.databind.JsonNode;

/** The first vertical slice over HTTP: report on command-service, read back from query-service. */
class FirstSliceTest {

    private static TravesiaSystem system;

    @BeforeAll
    static void start() {
        system = TravesiaSystem.start();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aReportedIncidentCanBeReadBackWithItsVersion() {
        Api.Response created = system.commands().as("monitor").post("/api/v1/incidents", Reports.kidnapping().build());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("incidentId").asText();
        assertThat(created.json().get("version").asLong()).isZero();

        Api.Response read = system.queries().as("monitor").get("/api/v1/incidents/" + id + "?minVersion=0");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode incident = read.json();
        assertThat(incident.get("incidentId").asText()).isEqualTo(id);
        assertThat(incident.get("type").asText()).isEqualTo("KIDNAPPING");
        assertThat(incident.get("occurredAt").asText()).isEqualTo("2026-11-20");
        assertThat(incident.get("place").get("country").asText()).isEqualTo("PA");
        assertThat(incident.get("place").get("coordinates").get("lat").asDouble()).isEqualTo(8.0412);
        assertThat(incident.get("status").asText()).isEqualTo("REPORTED");
        assertThat(incident.get("organisation").asText()).isEqualTo("local");
    }

    @Test
    void theTaxonomyIsPublishedWithEnglishAndSpanishLabels() {
        JsonNode taxonomy = system.queries().as("advocate").get("/api/v1/taxonomy").json();

        JsonNode kidnapping = null;
        for (JsonNode type : taxonomy.get("incidentTypes")) {
            if (type.get("code").asText().equals("KIDNAPPING")) {
                kidnapping = type;
            }
        }
        assertThat(kidnapping).isNotNull();
        assertThat(kidnapping.get("es").asText()).isEqualTo("Secuestro");
        assertThat(taxonomy.get("causesOfDeath")).hasSize(7);
        assertThat(taxonomy.get("locationPrecisions").get(0).get("code").asText()).isEqualTo("M_100");
    }

    @Test
    void anUnknownIncidentIsNotFound() {
        Api.Response read = system.queries().as("monitor").get("/api/v1/incidents/no-such-incident");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.header("Content-Type")).startsWith("application/problem+json");
    }
}
