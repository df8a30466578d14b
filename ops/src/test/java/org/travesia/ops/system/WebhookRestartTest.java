package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.travesia.command.CommandServiceApplication;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A delivery that keeps failing is still retried after query-service restarts, by the instance that comes up next,
 * under the same {@code webhook-id}: its attempts are in MongoDB, not in the memory of the one that stopped.
 */
class WebhookRestartTest {

    private static final String[] WEBHOOKS = {"travesia.webhooks.poll=100ms", "travesia.webhooks.initial-backoff=300ms",
            "travesia.webhooks.max-backoff=600ms"};

    @Test
    void aFailingDeliveryIsRetriedByTheNextInstanceAfterARestart() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory();
             RunningService command = RunningService.start(CommandServiceApplication.builder(), mongo.uri());
             WebhookReceiver receiver = new WebhookReceiver(Integer.MAX_VALUE)) {
            Api analyst = command.api().as("analyst");
            analyst.post("/api/v1/routes", Routes.route("restart"));
            analyst.post("/api/v1/routes/restart/segments", Routes.squareSegment("s", 20.0, -99.0, 0.5));
            analyst.post("/api/v1/routes/restart/alert-rules", Routes.threshold("k1", "KIDNAPPING", 1, 7));
            String webhookId;
            try (RunningService first = RunningService.start(QueryServiceApplication.builder(), mongo.uri(), WEBHOOKS)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> first.api().as("analyst")
                        .get("/api/v1/routes/restart").status() == 200);
                JsonNode registered = first.api().as("analyst").post("/api/v1/webhooks",
                        Map.of("routeId", "restart", "url", receiver.url())).json();
                receiver.secret(registered.get("secret").asText());
                webhookId = registered.get("webhookId").asText();
                command.api().as("monitor").post("/api/v1/incidents", Reports.kidnapping()
                        .withPlace("coordinates", Map.of("lat", 20.0, "lon", -99.0)).build());
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.deliveries().size() >= 2);
            }
            int attemptsBeforeRestart = receiver.deliveries().size();
            receiver.recover();

            try (RunningService second = RunningService.start(QueryServiceApplication.builder(), mongo.uri(), WEBHOOKS)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.deliveries().stream()
                        .anyMatch(d -> d.answered() == 204));
                JsonNode delivery = second.api().as("analyst").get("/api/v1/webhooks/" + webhookId + "/deliveries")
                        .json().get("items").get(0);
                assertThat(delivery.get("state").asText()).isEqualTo("DELIVERED");
                assertThat(delivery.get("attempts").size()).isGreaterThan(attemptsBeforeRestart);
            }
            assertThat(receiver.deliveries()).extracting(WebhookReceiver.Delivery::id)
                    .containsOnly(receiver.deliveries().get(0).id());
            assertThat(receiver.deliveries()).allSatisfy(d -> assertThat(d.signatureValid()).isTrue());
        }
    }
}
