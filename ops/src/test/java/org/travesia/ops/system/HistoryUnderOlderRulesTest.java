package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.SealedEvents;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * History is read as it was written, whatever today's rules say. Stored events written by hand, as an older build or
 * an import might have written them (a negative count, a country code that no longer exists, a description longer
 * than today's limit), load into the aggregate, replay into the projections and render through the API. Only a new
 * command meets today's rules: a correction is judged as a whole, so it must mend what it leaves broken.
 */
class HistoryUnderOlderRulesTest {

    private static final String LONG_DESCRIPTION = "Recorded before the limit. ".repeat(500);
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
    void eventsThatBreakTodaysRulesLoadIntoTheAggregateReplayIntoTheProjectionsAndRenderThroughTheApi() {
        String id = UUID.randomUUID().toString();
        append(id, 0, "incident.reported", 1, """
                {"incidentId": "%s", "organisation": "local", "reportedBy": "monitor", "clientReportId": "legacy-1",
                 "requestFingerprint": "legacy",
                 "details": {"type": "DEATH", "occurredAt": "1999-06-02", "occurredAtPrecision": "DAY",
                             "place": {"country": "YU", "admin1": "Vojvodina"}, "routeId": "balkans",
                             "affected": {"dead": -1, "missing": 4}, "nationalities": ["YU"],
                             "causesOfDeath": ["DROWNING"], "description": "%s"},
                 "sharing": "NETWORK"}
                """.formatted(id, LONG_DESCRIPTION));
        append(id, 1, "incident.amended", 2, """
                {"incidentId": "%s", "changes": {"affected": {"dead": -3, "missing": 4}}, "changedFields": ["affected"],
                 "reason": "imported correction"}
                """.formatted(id));
        assertThat(LONG_DESCRIPTION.length()).as("longer than today's limit").isGreaterThan(10_000);

        Api reader = system.queries().as("analyst");
        JsonNode incident = reader.get("/api/v1/incidents/" + id + "?minVersion=1").json();
        assertThat(incident.get("place").get("country").asText()).isEqualTo("YU");
        assertThat(incident.get("affected").get("dead").asInt()).isEqualTo(-3);
        assertThat(incident.get("nationalities").get(0).asText()).isEqualTo("YU");
        assertThat(incident.get("description").asText()).isEqualTo(LONG_DESCRIPTION);
        JsonNode history = reader.get("/api/v1/incidents/" + id + "/history").json().get("items");
        assertThat(history).extracting(entry -> entry.get("event").asText())
                .containsExactly("IncidentReported", "IncidentAmended");
        assertThat(history.get(1).get("changes").get("affected").get("from").get("dead").asInt()).isEqualTo(-1);
        assertThat(reader.get("/api/v1/incidents/counts?route=balkans").json().get("affected").get("dead").asInt())
                .isEqualTo(-3);
        JsonNode exported = reader.get("/api/v1/exports/incidents?format=json&audience=internal&route=balkans").json();
        assertThat(exported.get("items").get(0).get("country").asText()).isEqualTo("YU");

        assertThat(replayed(reader, id)).as("the projection rebuilt from the store").isEqualTo(incident);

        Api analyst = system.commands().as("analyst");
        Api.Response verified = analyst.post("/api/v1/incidents/" + id + "/verification",
                Map.of("expectedVersion", 1, "note", "checked against the archive"));
        assertThat(verified.status()).as("the aggregate loads its history: " + verified).isEqualTo(200);
        assertThat(verified.json().get("version").asLong()).isEqualTo(2);

        Api.Response partial = analyst.post("/api/v1/incidents/" + id + "/amendments", Map.of("expectedVersion", 2,
                "reason", "shorter", "changes", Map.of("description", "Recorded before the limit.")));
        assertThat(partial.status()).as(partial.toString()).isEqualTo(400);
        assertThat(fields(partial)).containsExactlyInAnyOrder("changes.place.country", "changes.affected.dead",
                "changes.nationalities[0]");

        Api.Response mended = analyst.post("/api/v1/incidents/" + id + "/amendments", Map.of("expectedVersion", 2,
                "reason", "mapped to today's codes", "changes", Map.of("description", "Recorded before the limit.",
                        "place", Map.of("country", "RS"), "affected", Map.of("dead", 3), "nationalities", List.of("RS"))));
        assertThat(mended.status()).as(mended.toString()).isEqualTo(200);
        assertThat(reader.get("/api/v1/incidents/" + id + "?minVersion=3").json().get("place").get("country").asText())
                .isEqualTo("RS");
    }

    /**
     * Appends a stored event as written by hand: its JSON, under its name and revision, read as the store reads it,
     * with its personal fields sealed as the store keeps them.
     */
    private static void append(String incidentId, long sequence, String name, int revision, String json) {
        Serializer events = system.commandService().context().getBean("eventSerializer", Serializer.class);
        Object written = events.deserialize(new SimpleSerializedObject<>(json, String.class, name,
                String.valueOf(revision)));
        Object payload = SealedEvents.sealed(system.commandService().bean(PersonalDataCipher.class), written)[0];
        system.commandService().bean(EventStore.class).publish(new GenericDomainEventMessage<>("Incident", incidentId,
                sequence, payload, MetaData.with(MetadataKeys.USER, "monitor").and(MetadataKeys.ORGANISATION, "local")));
    }

    /** The incident after the projection has been reset and rebuilt from the store. */
    private static JsonNode replayed(Api reader, String id) {
        StreamingEventProcessor processor = system.queryService().bean(EventProcessingConfiguration.class)
                .eventProcessor("incidents", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> reader.get("/api/v1/incidents/" + id).status() == 200);
        return reader.get("/api/v1/incidents/" + id + "?minVersion=1").json();
    }

    private static List<String> fields(Api.Response response) {
        return response.json().findValuesAsText("field");
    }
}
