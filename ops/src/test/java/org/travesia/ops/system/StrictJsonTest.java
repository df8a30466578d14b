package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.travesia.platform.testing.Api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A body is taken exactly as sent, or refused: a key given twice, or text that is not well-formed Unicode (a lone
 * UTF-16 surrogate), gets 400 with a stable code, and nothing is stored. Lenient parsing would store something other
 * than what the monitor wrote, without saying so.
 */
class StrictJsonTest {

    private static TravesiaSystem system;
    private static Api monitor;

    @BeforeAll
    static void start() {
        system = TravesiaSystem.start();
        monitor = system.commands().as("monitor");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        Api.Response answer = post("/api/v1/incidents", report("\"type\":\"KIDNAPPING\",\"type\":\"ROBBERY\""));

        assertRefused(answer, "json.duplicate-field", "type");
    }

    @Test
    void aNestedKeyGivenTwiceIsRefusedWithItsPath() {
        Api.Response answer = post("/api/v1/incidents",
                report("\"type\":\"ROBBERY\"").replace("\"country\":\"PA\"", "\"country\":\"PA\",\"country\":\"CO\""));

        assertRefused(answer, "json.duplicate-field", "place.country");
    }

    @Test
    void aKeyGivenTwiceInAnAmendmentIsRefused() {
        String id = post("/api/v1/incidents", report("\"type\":\"ROBBERY\"")).json().get("incidentId").asText();

        Api.Response answer = post("/api/v1/incidents/" + id + "/amendments", "{\"expectedVersion\":0,"
                + "\"reason\":\"fix\",\"changes\":{\"description\":\"one\",\"description\":\"two\"}}");

        assertRefused(answer, "json.duplicate-field", "changes.description");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\ud800", "\\udc00", "before \\ud83d after", "\\ude00\\ud83d"})
    void textWithALoneSurrogateIsRefused(String escaped) {
        Api.Response answer = post("/api/v1/incidents",
                report("\"type\":\"ROBBERY\",\"description\":\"" + escaped + "\""));

        assertRefused(answer, "json.unpaired-surrogate", "description");
    }

    @Test
    void aKeyWithALoneSurrogateIsRefused() {
        Api.Response answer = post("/api/v1/incidents", report("\"type\":\"ROBBERY\",\"\\ud800\":1"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("code").asText()).isEqualTo("json.unpaired-surrogate");
    }

    @Test
    void textWithASurrogateEncodedStraightIntoUtf8IsRefused() {
        byte[] body = report("\"type\":\"ROBBERY\",\"description\":\"#\"").getBytes(StandardCharsets.UTF_8);
        int hash = new String(body, StandardCharsets.UTF_8).indexOf('#');
        byte[] withSurrogate = new byte[body.length + 2];
        System.arraycopy(body, 0, withSurrogate, 0, hash);
        // U+D800 written as UTF-8 would write it, which UTF-8 forbids.
        withSurrogate[hash] = (byte) 0xED;
        withSurrogate[hash + 1] = (byte) 0xA0;
        withSurrogate[hash + 2] = (byte) 0x80;
        System.arraycopy(body, hash + 1, withSurrogate, hash + 3, body.length - hash - 1);
        long before = storeHead();

        Api.Response answer = monitor.send("POST", "/api/v1/incidents", "application/json", withSurrogate);

        assertRefused(answer, "json.unpaired-surrogate", "description");
        assertThat(storeHead()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void surrogatePairsAreWellFormedText() {
        Api.Response answer = post("/api/v1/incidents",
                report("\"type\":\"ROBBERY\",\"description\":\"seen at the river \\ud83d\\ude22 and 🌊\""));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        String id = answer.json().get("incidentId").asText();
        JsonNode stored = system.queries().as("monitor").get("/api/v1/incidents/" + id + "?minVersion=0").json();
        assertThat(stored.get("description").asText()).isEqualTo("seen at the river \ud83d\ude22 and 🌊");
    }

    private static String report(String fields) {
        return "{\"clientReportId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-11-18\","
                + "\"place\":{\"country\":\"PA\"}," + fields + "}";
    }

    private static Api.Response post(String path, String body) {
        long before = storeHead();
        Api.Response answer = monitor.post(path, body);
        if (answer.status() >= 400) {
            assertThat(storeHead()).as("nothing stored").isEqualTo(before);
        }
        return answer;
    }

    private static long storeHead() {
        return system.queries().as("operator").get("/actuator/eventprocessors").json().get("headPosition").asLong();
    }

    private static void assertRefused(Api.Response answer, String code, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("field").asText()).isEqualTo(field);
    }
}
