package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.w3c.dom.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The acceptance path over HTTP: an analyst draws a route, a segment and "at least 3 kidnappings in 7 days";
 * three kidnappings are reported inside the segment without route fields; they are assigned to it, the alert arrives
 * on the stream and at a webhook receiver that checks the signature (after failing the first two attempts), and the
 * analyst acknowledges it. The stream is then dropped mid-way and resumed.
 */
class RouteAlertEndToEndTest {

    private static final double LAT = 8.0412;
    private static final double LON = -77.6541;
    private static TravesiaSystem system;

    @BeforeAll
    static void start() {
        system = TravesiaSystem.start("travesia.alerts.stream.poll=100ms", "travesia.webhooks.poll=100ms",
                "travesia.webhooks.initial-backoff=300ms");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void threeKidnappingsInsideASegmentRaiseAnAlertThatIsStreamedAndAcknowledged() throws Exception {
        Api analyst = system.commands().as("analyst");
        assertThat(analyst.post("/api/v1/routes", Routes.route("e2e")).status()).isEqualTo(201);
        assertThat(analyst.post("/api/v1/routes/e2e/segments", Routes.squareSegment("river", LAT, LON, 0.2)).status())
                .isEqualTo(201);
        assertThat(analyst.post("/api/v1/routes/e2e/alert-rules", Routes.threshold("k3", "KIDNAPPING", 3, 7))
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> system.queries().as("analyst")
                .get("/api/v1/routes/e2e").status() == 200);
        WebhookReceiver receiver = new WebhookReceiver(2);
        var registered = system.queries().as("analyst").post("/api/v1/webhooks",
                Map.of("routeId", "e2e", "url", receiver.url()));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().get("secret").asText()).startsWith("whsec_");
        receiver.secret(registered.json().get("secret").asText());
        String webhookId = registered.json().get("webhookId").asText();

        List<String> reported = new ArrayList<>();
        JsonNode raised;
        try (SseClient stream = SseClient.connect(system.queries().port(), "analyst", "/api/v1/alerts/stream?route=e2e",
                null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> system.queryService().context()
                    .getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .get("travesia.alerts.stream.clients").gauge().value() >= 1);
            for (int i = 0; i < 3; i++) {
                var answer = system.commands().as("monitor").post("/api/v1/incidents", Reports.kidnapping()
                        .withPlace("coordinates", Map.of("lat", LAT + 0.01 * i, "lon", LON)).sharedWith("NETWORK")
                        .build());
                assertThat(answer.status()).isEqualTo(201);
                reported.add(answer.json().get("incidentId").asText());
            }
            SseClient.Event event = stream.next(Duration.ofSeconds(10));
            assertThat(event.name()).isEqualTo("route.alert-raised");
            raised = event.json();
            assertThat(Long.parseLong(event.id())).isEqualTo(raised.get("position").asLong());
        }
        assertThat(raised.get("segmentId").asText()).isEqualTo("river");
        assertThat(raised.get("ruleId").asText()).isEqualTo("k3");
        assertThat(raised.get("figures").get("incidents").asInt()).isEqualTo(3);
        List<String> contributing = new ArrayList<>();
        raised.get("incidentIds").forEach(id -> contributing.add(id.asText()));
        assertThat(contributing).containsExactlyInAnyOrderElementsOf(reported);

        JsonNode incident = system.queries().as("analyst").get("/api/v1/incidents/" + reported.get(0) + "?minVersion=1")
                .json();
        assertThat(incident.get("routeId").isNull()).as("the report named no route").isTrue();
        assertThat(incident.get("routeAssignment").get("routeId").asText()).isEqualTo("e2e");
        assertThat(incident.get("routeAssignment").get("segmentId").asText()).isEqualTo("river");
        assertThat(incident.get("routeAssignment").get("method").asText()).isEqualTo("POINT_IN_POLYGON");

        String alertId = raised.get("alertId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.deliveries().stream()
                .anyMatch(d -> d.answered() == 204));
        receiver.close();
        List<WebhookReceiver.Delivery> received = receiver.deliveries();
        assertThat(received).hasSizeGreaterThanOrEqualTo(3);
        assertThat(received).allSatisfy(d -> assertThat(d.signatureValid()).as(d.toString()).isTrue());
        assertThat(received).extracting(WebhookReceiver.Delivery::id).containsOnly(received.get(0).id());
        assertThat(received.get(2).body()).contains("\"type\":\"route.alert-raised\"").contains(alertId);
        JsonNode log = system.queries().as("analyst").get("/api/v1/webhooks/" + webhookId + "/deliveries").json();
        JsonNode delivery = log.get("items").get(0);
        assertThat(delivery.get("state").asText()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attempts")).hasSize(3);
        assertThat(delivery.get("attempts").get(0).get("status").asInt()).isEqualTo(503);
        assertThat(delivery.get("attempts").get(2).get("status").asInt()).isEqualTo(204);

        var cap = system.queries().as("analyst").get("/api/v1/alerts/cap?route=e2e");
        assertThat(cap.header("Content-Type")).startsWith("application/atom+xml");
        List<Element> messages = CapMessages.validatedAlerts(cap.body());
        assertThat(messages).hasSize(1);
        assertThat(CapMessages.texts(messages.get(0), "identifier")).containsExactly(alertId);
        String square = (LAT - 0.2) + "," + (LON - 0.2);
        assertThat(CapMessages.texts(messages.get(0), "polygon")).allSatisfy(polygon -> {
            String[] pairs = polygon.split(" ");
            assertThat(pairs[0]).as("lat,lon, first equal to last").isEqualTo(square).isEqualTo(pairs[pairs.length - 1]);
        });

        String lastSeen = raised.get("position").asText();
        var acknowledged = analyst.post("/api/v1/alerts/" + alertId + "/acknowledgement",
                Map.of("note", "field team informed"));
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);

        try (SseClient resumed = SseClient.connect(system.queries().port(), "analyst",
                "/api/v1/alerts/stream?route=e2e", lastSeen)) {
            SseClient.Event missed = resumed.next(Duration.ofSeconds(10));
            assertThat(missed.name()).isEqualTo("route.alert-acknowledged");
            assertThat(missed.json().get("status").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(missed.json().get("acknowledgement").get("note").asText()).as("sealed, opened for the reader")
                    .isEqualTo("field team informed");
            assertThat(analyst.post("/api/v1/alerts/" + alertId + "/resolution", Map.of("note", "group assisted"))
                    .status()).isEqualTo(200);
            SseClient.Event live = resumed.next(Duration.ofSeconds(10));
            assertThat(live.name()).isEqualTo("route.alert-resolved");
            assertThat(Long.parseLong(live.id())).isGreaterThan(Long.parseLong(missed.id()));
        }
        JsonNode listed = system.queries().as("analyst").get("/api/v1/alerts?route=e2e").json();
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.get("items").get(0).get("status").asText()).isEqualTo("RESOLVED");
        assertThat(listed.get("items").get(0).get("resolution").get("note").asText()).isEqualTo("group assisted");

        // The deliveries kept for retries (one per alert event, here raised, acknowledged, resolved) hold the notes
        // sealed, like the events and the alert read model do; the receiver got the first in the clear above.
        var deliveries = system.mongo().database().getCollection("webhook_deliveries");
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.countDocuments() >= 3);
        List<String> stored = new ArrayList<>();
        deliveries.find().forEach(kept -> stored.add(kept.toJson()));
        assertThat(stored).noneMatch(json -> json.contains("field team informed"))
                .noneMatch(json -> json.contains("group assisted"));
    }
}
