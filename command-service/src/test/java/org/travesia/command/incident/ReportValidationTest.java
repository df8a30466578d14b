package org.travesia.command.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.command.CommandServiceApplication;
import org.travesia.platform.testing.Api;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;

import com.fasterxml.jackson.databind.JsonNode;

/** Bad input of every kind gets 400 problem+json with a stable code per field, and nothing is recorded. */
class ReportValidationTest {

    private static EmbeddedMongo mongo;
    private static RunningService service;
    private static Api monitor;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.inMemory();
        service = RunningService.start(CommandServiceApplication.builder(), mongo.uri());
        monitor = service.api().as("monitor");
    }

    @AfterAll
    static void stop() {
        service.close();
        mongo.close();
    }

    @Test
    void malformedJsonIsRefused() {
        Api.Response response = monitor.post("/api/v1/incidents", "{\"type\": \"KIDNAPPING\",");

        assertProblem(response, 400, "https://travesia.dev/problems/validation");
        assertThat(errors(response)).containsExactly(Map.entry("", "json.malformed"));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedWithItsPath() {
        Api.Response response = monitor.post("/api/v1/incidents",
                Reports.kidnapping().affected(Map.of("dead", "three")).build());

        assertProblem(response, 400, "https://travesia.dev/problems/validation");
        assertThat(errors(response)).containsExactly(Map.entry("affected.dead", "json.wrong-type"));
    }

    @Test
    void everyMissingRequiredFieldIsReportedAtOnce() {
        Api.Response response = monitor.post("/api/v1/incidents",
                Reports.kidnapping().without("type").without("occurredAt").without("place").build());

        assertProblem(response, 400, "https://travesia.dev/problems/validation");
        assertThat(errors(response)).containsExactlyInAnyOrder(Map.entry("type", "field.required"),
                Map.entry("occurredAt", "field.required"), Map.entry("place.country", "field.required"));
    }

    @Test
    void coordinatesOutOfRangeAreRefused() {
        Api.Response response = monitor.post("/api/v1/incidents",
                Reports.kidnapping().withPlace("coordinates", Map.of("lat", 91.0, "lon", -181.5)).build());

        assertThat(errors(response)).containsExactlyInAnyOrder(
                Map.entry("place.coordinates.lat", "coordinates.out-of-range"),
                Map.entry("place.coordinates.lon", "coordinates.out-of-range"));
    }

    @Test
    void unknownCodesBadCountriesNegativeCountsAndFutureDatesAreRefused() {
        Api.Response response = monitor.post("/api/v1/incidents", Reports.kidnapping()
                .with("type", "ALIENS")
                .withPlace("country", "XX")
                .affected(Map.of("dead", -1))
                .nationalities("VE", "ZZ")
                .build());

        assertThat(errors(response)).containsExactlyInAnyOrder(
                Map.entry("type", "enum.unknown"),
                Map.entry("place.country", "country.unknown"),
                Map.entry("affected.dead", "count.negative"),
                Map.entry("nationalities[1]", "country.unknown"));

        Api.Response future = monitor.post("/api/v1/incidents", Reports.kidnapping().with("occurredAt", "2099-01-01").build());
        assertThat(errors(future)).containsExactly(Map.entry("occurredAt", "incident.occurred-at.in-future"));
    }

    @Test
    void aSourceQualityOffTheScaleIsRefused() {
        Api.Response response = monitor.post("/api/v1/incidents",
                Reports.kidnapping().with("source", Map.of("type", "MEDIA", "quality", 7)).build());

        assertThat(errors(response)).containsExactly(Map.entry("source.quality", "source.quality.out-of-range"));
    }

    @Test
    void anObjectWhereTextBelongsIsRefusedNotInterpreted() {
        Api.Response response = monitor.post("/api/v1/incidents",
                Reports.kidnapping().with("description", Map.of("$gt", "")).build());

        assertThat(errors(response)).containsExactly(Map.entry("description", "json.wrong-type"));
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanSilentlyDropped() {
        Api.Response response = monitor.post("/api/v1/incidents", Reports.kidnapping().with("victimName", "x").build());

        assertThat(errors(response)).containsExactly(Map.entry("victimName", "field.unknown"));
    }

    @Test
    void messagesFollowAcceptLanguageAndCodesDoNot() {
        Api.Response spanish = monitor.header("Accept-Language", "es-MX,es;q=0.9")
                .post("/api/v1/incidents", Reports.kidnapping().without("type").build());
        Api.Response english = monitor.post("/api/v1/incidents", Reports.kidnapping().without("type").build());

        assertThat(spanish.json().get("errors").get(0).get("message").asText()).isEqualTo("Este campo es obligatorio");
        assertThat(english.json().get("errors").get(0).get("message").asText()).isEqualTo("This field is required");
        assertThat(spanish.json().get("errors").get(0).get("code").asText()).isEqualTo("field.required");
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() {
        String padding = "x".repeat(1024 * 1024);
        Api.Response response = monitor.post("/api/v1/incidents",
                Reports.kidnapping().with("description", padding).build());

        assertProblem(response, 413, "https://travesia.dev/problems/too-large");
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitIsRefusedWith413() {
        byte[] body = ("{\"description\": \"" + "x".repeat(1024 * 1024 + 10) + "\"}").getBytes(StandardCharsets.UTF_8);
        Api.Response response = monitor.sendChunked("POST", "/api/v1/incidents", "application/json", body);

        assertProblem(response, 413, "https://travesia.dev/problems/too-large");
    }

    @Test
    void errorsNeverCarryStackTracesOrExceptionNames() {
        Api.Response response = monitor.post("/api/v1/incidents", "[1, 2");

        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("jackson");
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo(type);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }

    static List<Map.Entry<String, String>> errors(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<Map.Entry<String, String>> errors = new ArrayList<>();
        for (JsonNode error : response.json().get("errors")) {
            errors.add(Map.entry(error.get("field").asText(), error.get("code").asText()));
        }
        return errors;
    }
}
