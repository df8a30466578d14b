package org.travesia.command.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.command.CommandServiceApplication;
import org.travesia.command.InOrderProcessors;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.alert.RaiseRouteAlert;
import org.travesia.kernel.alert.RouteAlertRaised;
import org.travesia.platform.processing.admin.ProcessorAdministration;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;

import com.mongodb.client.model.Filters;

/**
 * An alert whose raise fails for a reason other than a conflict (the command refused by something on its way, the
 * store unreachable for a moment) parks the event that crossed the rule. The batch's other writes are sent when it
 * ends; if the incident's state went with them, it would already hold the event's contribution, and the operator's
 * retry would find nothing changed and never evaluate the rule again: the alert lost. The state is saved only once
 * evaluation has gone through, so the retry evaluates and raises it.
 */
class FailedRaiseIsRetriedTest {

    private EmbeddedMongo mongo;
    private RunningService service;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        service = RunningService.start(CommandServiceApplication.builder(), mongo.uri());
    }

    @AfterEach
    void stop() {
        service.close();
        mongo.close();
    }

    @Test
    void anAmendmentWhoseRaiseFailedRaisesTheAlertWhenItsDeadLetterIsRetried() {
        Api analyst = service.api().as("analyst");
        assertThat(analyst.post("/api/v1/routes", Map.of("routeId", "retry", "name", Map.of("en", "Retry",
                "es", "Reintento"), "countries", List.of("PA"))).status()).isEqualTo(201);
        assertThat(analyst.post("/api/v1/routes/retry/alert-rules", Map.of("ruleId", "k3", "kind", "THRESHOLD",
                "incidentTypes", List.of("KIDNAPPING"), "minCount", 3, "windowDays", 7)).status()).isEqualTo(201);
        // A report may name a route once route assignment, which answers whether it exists, has taken it in.
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.database().getCollection("assignment_segments")
                .countDocuments(Filters.eq("_id", "~route:retry")) == 1);
        report("2026-11-18", "KIDNAPPING");
        report("2026-11-19", "KIDNAPPING");
        String robbery = report("2026-11-20", "ROBBERY");
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.database().getCollection(AlertState.INCIDENTS)
                .countDocuments() == 3);
        AtomicInteger refused = new AtomicInteger();
        service.bean(CommandGateway.class).registerDispatchInterceptor(messages -> (index, message) -> {
            if (message.getPayload() instanceof RaiseRouteAlert && refused.getAndIncrement() == 0) {
                throw new IllegalStateException("the store did not answer");
            }
            return message;
        });

        Api monitor = service.api().as("monitor");
        assertThat(monitor.post("/api/v1/incidents/" + robbery + "/amendments", Map.of("expectedVersion",
                lastSequence(robbery), "reason", "it was a kidnapping", "changes", Map.of("type", "KIDNAPPING")))
                .status()).isEqualTo(200);

        ProcessorAdministration processors = service.bean(ProcessorAdministration.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !processors.deadLetters(InOrderProcessors.ROUTE_ALERTS, 10).isEmpty());
        assertThat(refused).hasValue(1);
        assertThat(raised()).isEmpty();

        assertThat(processors.retry(InOrderProcessors.ROUTE_ALERTS, robbery)).as("the retry went through").isTrue();

        assertThat(raised()).as("the alert the failed raise left behind").hasSize(1);
        assertThat(mongo.database().getCollection(AlertState.OPEN).countDocuments()).isEqualTo(1);
    }

    private String report(String day, String type) {
        Api.Response answer = service.api().as("monitor").post("/api/v1/incidents", Reports.kidnapping()
                .with("type", type).with("occurredAt", day).onRoute("retry", null).build());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("incidentId").asText();
    }

    private long lastSequence(String incidentId) {
        DomainEventStream events = service.bean(EventStore.class).readEvents(incidentId);
        events.asStream().forEach(event -> { });
        return events.getLastSequenceNumber();
    }

    private List<RouteAlertRaised> raised() {
        return service.bean(EventStore.class).readEvents("retry").asStream()
                .filter(event -> event.getPayload() instanceof RouteAlertRaised)
                .map(event -> (RouteAlertRaised) event.getPayload()).toList();
    }
}
