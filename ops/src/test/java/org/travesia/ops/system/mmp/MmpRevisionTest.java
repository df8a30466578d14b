package org.travesia.ops.system.mmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.ops.system.TravesiaSystem;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;

/**
 * MMP revises its record; importing the revision amends exactly what it changed. Ten real rows of the HDX sample are
 * imported, then the same rows uploaded again as a multipart form (nothing changes), then a revision in which MMP
 * counts one more dead in two incidents: those two are amended, with the reason naming the revision and only the
 * changed field in their history, and the other eight are left as they were. The ten are created in one commit.
 */
class MmpRevisionTest {

    private static final List<String> REVISED = List.of("2014.MMP01037", "2014.MMP01264");

    private static TestTokens tokens;
    private static TravesiaSystem system;
    private static JsonNode first;
    private static JsonNode multipart;
    private static JsonNode revision;
    private static Map<String, String> incidentIds;

    @BeforeAll
    static void importTheRowsThenTheirRevision() {
        tokens = TestTokens.generate();
        system = TravesiaSystem.start(tokens.property());
        byte[] original = firstRows(10);
        first = MmpSamples.imported(analyst(), original, "?revision=2026-04-01");
        incidentIds = idsByMainId(10);
        multipart = uploadedAsMultipart(original);
        revision = MmpSamples.imported(analyst(), oneMoreDeadIn(original), "?revision=2026-05-10");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void theFirstImportCreatesEveryIncident() {
        assertThat(first.get("created").asLong()).as(first.toString()).isEqualTo(10);
    }

    @Test
    void theIncidentsOfOneImportAreRecordedTogetherNotOneCommitEach() {
        long commitsWithMmpRecords = system.mongo().client().getDatabase("travesia").getCollection("events")
                .countDocuments(Filters.regex("events.payloadType", "(?i)mmp-?record-?imported"));

        assertThat(commitsWithMmpRecords).as("the ten incidents created in one batch").isEqualTo(1);
    }

    @Test
    void theSameRowsUploadedAsAMultipartFormChangeNothing() {
        assertThat(multipart.get("state").asText()).as(multipart.toString()).isEqualTo("DONE");
        assertThat(multipart.get("unchanged").asLong()).isEqualTo(10);
        assertThat(multipart.get("created").asLong() + multipart.get("updated").asLong()).isZero();
    }

    @Test
    void theRevisionUpdatesOnlyTheIncidentsMmpChanged() {
        assertThat(revision.get("state").asText()).as(revision.toString()).isEqualTo("DONE");
        assertThat(revision.get("updated").asLong()).isEqualTo(2);
        assertThat(revision.get("unchanged").asLong()).isEqualTo(8);
        assertThat(revision.get("created").asLong()).isZero();
    }

    @Test
    void aRevisedIncidentIsAmendedWithTheRevisionAsReasonAndOnlyTheChangedField() {
        for (String mainId : REVISED) {
            String id = incidentIds.get(mainId);
            JsonNode incident = reader().get("/api/v1/incidents/" + id + "?minVersion=2").json();
            assertThat(incident.get("affected").get("dead").asInt()).as(mainId).isEqualTo(2);

            JsonNode last = lastHistoryEntry(id);
            assertThat(last.get("event").asText()).isEqualTo("IncidentAmended");
            assertThat(last.get("reason").asText()).isEqualTo("MMP revision of 2026-05-10");
            assertThat(last.get("changedFields")).hasSize(1);
            assertThat(last.get("changedFields").get(0).asText()).isEqualTo("affected");
        }
    }

    @Test
    void theIncidentsMmpDidNotChangeKeepTheirHistory() {
        incidentIds.forEach((mainId, id) -> {
            if (!REVISED.contains(mainId)) {
                JsonNode items = reader().get("/api/v1/incidents/" + id + "/history").json().get("items");
                assertThat(items).as(mainId).isNotEmpty();
                for (JsonNode entry : items) {
                    assertThat(entry.get("event").asText()).as(mainId).isNotEqualTo("IncidentAmended");
                }
            }
        });
    }

    /** The header and the first rows of the HDX sample: single-row incidents, none split. */
    private static byte[] firstRows(int rows) {
        String[] lines = new String(MmpSamples.bytes(MmpSamples.HDX), StandardCharsets.UTF_8).split("\n", rows + 2);
        return (String.join("\n", List.of(lines).subList(0, rows + 1)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The same rows, MMP counting two dead where it counted one in the revised incidents. */
    private static byte[] oneMoreDeadIn(byte[] csv) {
        List<String> lines = new ArrayList<>();
        for (String line : new String(csv, StandardCharsets.UTF_8).split("\n")) {
            boolean revised = REVISED.stream().anyMatch(line::startsWith);
            lines.add(revised ? line.replace(",December,1,,1,", ",December,2,,2,") : line);
        }
        assertThat(lines).filteredOn(line -> line.contains(",December,2,,2,")).hasSize(REVISED.size());
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode uploadedAsMultipart(byte[] csv) {
        String boundary = "travesia-mmp-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mmp.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Response started = analyst().send("POST", "/api/v1/imports/mmp",
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String importId = started.json().get("importId").asText();
        JsonNode[] summary = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> {
            summary[0] = analyst().get("/api/v1/imports/" + importId).json();
            return !"RUNNING".equals(summary[0].get("state").asText());
        });
        return summary[0];
    }

    /** Each imported incident's id, by its MMP Main ID, once the query side has them all. */
    private static Map<String, String> idsByMainId(int expected) {
        Map<String, String> ids = new java.util.HashMap<>();
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> {
            ids.clear();
            reader().get("/api/v1/incidents?limit=50").json().get("items").forEach(item -> {
                // MMP's record is projected just after the report: an incident without it yet is not counted.
                if (item.path("mmp").hasNonNull("mainId")) {
                    ids.put(item.get("mmp").get("mainId").asText(), item.get("incidentId").asText());
                }
            });
            return ids.size() == expected;
        });
        return ids;
    }

    private static JsonNode lastHistoryEntry(String incidentId) {
        JsonNode items = reader().get("/api/v1/incidents/" + incidentId + "/history").json().get("items");
        return items.get(items.size() - 1);
    }

    private static Api analyst() {
        return system.commands().bearer(tokens.token("ana", "org-a", "ANALYST"));
    }

    private static Api reader() {
        return system.queries().bearer(tokens.token("ana", "org-a", "ANALYST"));
    }
}
