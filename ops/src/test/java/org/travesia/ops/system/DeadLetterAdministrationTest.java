package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * {@code /api/v1/admin/processors/{name}/dead-letters}: the operator sees which sequences the incident projection
 * parked (ids and the failure's type, never the events' content), retries one once its cause is mended, and evicts
 * one for good; each call is audited.
 * <p>
 * The failure is real: the incident's read-model document is damaged by hand (its version is no longer a number),
 * so the projection fails on the incident's next event and parks it, and the incident's later events behind it.
 */
class DeadLetterAdministrationTest {

    private static final String DEAD_LETTERS = "/api/v1/admin/processors/incidents/dead-letters";
    private static TravesiaSystem system;
    private static Api operator;
    private static Api admin;

    @BeforeAll
    static void start() {
        system = TravesiaSystem.start();
        operator = system.queries().as("operator");
        admin = system.queries().as("admin");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aParkedSequenceIsListedByIdsAndCauseOnlyAndRetriedOnceItsCauseIsMended() {
        String secret = "Ana-Lucia-Ferreira-" + UUID.randomUUID();
        String id = reported(secret);
        damage(id);
        amend(id, 0, secret + " was seen at the shelter");
        amend(id, 1, secret + " left the shelter");
        JsonNode parked = awaitParked(id, 2);

        assertThat(parked.get("eventType").asText()).isEqualTo("incident.amended@2");
        assertThat(parked.get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(parked.get("globalPosition").asLong()).isPositive();
        assertThat(parked.get("causeType").asText()).isEqualTo(ClassCastException.class.getName());
        assertThat(operator.get(DEAD_LETTERS).body()).as("no payload, no cause message").doesNotContain(secret);

        Api.Response stillBroken = operator.post(DEAD_LETTERS + "/" + id + "/retry", "");
        assertThat(stillBroken.json().get("outcome").asText()).isEqualTo("PARKED_AGAIN");

        mend(id);
        Api.Response retried = operator.post(DEAD_LETTERS + "/" + id + "/retry", "");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("outcome").asText()).isEqualTo("PROCESSED");
        assertThat(system.queries().as("analyst").get("/api/v1/incidents/" + id).json().get("version").asLong())
                .as("both parked events applied, in order").isEqualTo(2);
        assertThat(sequences()).doesNotContain(id);
        JsonNode audit = admin.get("/api/v1/audit?action=DEAD_LETTER_RETRY&recordId=" + id).json().get("items");
        assertThat(audit).hasSize(2);
        assertThat(audit.toString()).doesNotContain(secret);
    }

    @Test
    void anEvictedSequenceIsGoneAndItsIncidentStaysAsItWasBeforeTheParkedEvents() {
        String id = reported("evicted");
        damage(id);
        amend(id, 0, "never applied");
        awaitParked(id, 1);
        mend(id);

        Api.Response evicted = operator.post(DEAD_LETTERS + "/" + id + "/eviction", "");

        assertThat(evicted.status()).isEqualTo(200);
        assertThat(evicted.json().get("evicted").asInt()).isEqualTo(1);
        assertThat(sequences()).doesNotContain(id);
        assertThat(system.queries().as("analyst").get("/api/v1/incidents/" + id).json().get("version").asLong())
                .isZero();
        assertThat(admin.get("/api/v1/audit?action=DEAD_LETTER_EVICTION&recordId=" + id).json().get("items"))
                .hasSize(1);
        assertThat(operator.post(DEAD_LETTERS + "/" + id + "/retry", "").json().get("code").asText())
                .isEqualTo("dead-letter.not-found");
    }

    @Test
    void onlyTheOperatorSeesOrTouchesTheDeadLetters() {
        for (String user : new String[] {"monitor", "analyst", "advocate", "admin"}) {
            Api caller = system.queries().as(user);
            assertThat(caller.get(DEAD_LETTERS).status()).as(user).isEqualTo(403);
            assertThat(caller.post(DEAD_LETTERS + "/x/retry", "").status()).as(user).isEqualTo(403);
            assertThat(caller.post(DEAD_LETTERS + "/x/eviction", "").status()).as(user).isEqualTo(403);
        }
        assertThat(system.queries().get(DEAD_LETTERS).status()).isEqualTo(401);
        assertThat(operator.get("/api/v1/admin/processors/nothing/dead-letters").json().get("code").asText())
                .isEqualTo("processor.not-found");
        assertThat(operator.get(DEAD_LETTERS + "?limit=0").status()).isEqualTo(400);
    }

    private static String reported(String description) {
        String id = system.commands().as("monitor").post("/api/v1/incidents", Reports.kidnapping()
                .with("description", description).build()).json().get("incidentId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                system.queries().as("analyst").get("/api/v1/incidents/" + id).status() == 200);
        return id;
    }

    private static void amend(String id, int expectedVersion, String description) {
        Api.Response amended = system.commands().as("monitor").post("/api/v1/incidents/" + id + "/amendments",
                Map.of("expectedVersion", expectedVersion, "reason", "new information",
                        "changes", Map.of("description", description)));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
    }

    /** The incident's parked sequence, once it holds {@code events} events (the failed one and those behind it). */
    private static JsonNode awaitParked(String id, long events) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode sequence : operator.get(DEAD_LETTERS).json().get("items")) {
                if (sequence.get("sequence").asText().equals(id) && sequence.get("size").asLong() == events) {
                    return sequence;
                }
            }
            return null;
        }, parked -> parked != null);
    }

    private static List<String> sequences() {
        List<String> ids = new ArrayList<>();
        operator.get(DEAD_LETTERS).json().get("items").forEach(sequence -> ids.add(sequence.get("sequence").asText()));
        return ids;
    }

    private static MongoCollection<Document> incidents() {
        return system.mongo().database().getCollection("incidents");
    }

    /** The read model's copy of the incident becomes unreadable to the projection: its version is not a number. */
    private static void damage(String id) {
        incidents().updateOne(Filters.eq("_id", id), Updates.set("version", "damaged"));
    }

    private static void mend(String id) {
        incidents().updateOne(Filters.eq("_id", id), Updates.set("version", 0L));
    }
}
