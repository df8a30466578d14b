package org.travesia.command.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.command.CommandServiceApplication;
import org.travesia.command.InOrderProcessors;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.alert.RaiseRouteAlert;
import org.travesia.platform.processing.admin.ProcessorAdministration;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.RunningService;

import com.mongodb.client.MongoCollection;
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
        RouteWithARuleOfThree route = RouteWithARuleOfThree.define(service, mongo.database(), "retry");
        route.report("2026-11-18");
        route.report("2026-11-19");
        String robbery = route.report("2026-11-20", "ROBBERY");
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.database().getCollection(AlertState.INCIDENTS)
                .countDocuments() == 3);
        AtomicInteger refused = refuseTheFirstRaise();

        Api monitor = service.api().as("monitor");
        assertThat(monitor.post("/api/v1/incidents/" + robbery + "/amendments", Map.of("expectedVersion",
                lastSequence(robbery), "reason", "it was a kidnapping", "changes", Map.of("type", "KIDNAPPING")))
                .status()).isEqualTo(200);

        ProcessorAdministration processors = service.bean(ProcessorAdministration.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !processors.deadLetters(InOrderProcessors.ROUTE_ALERTS, 10).isEmpty());
        assertThat(refused).hasValue(1);
        assertThat(route.raised()).isEmpty();

        assertThat(processors.retry(InOrderProcessors.ROUTE_ALERTS, robbery)).as("the retry went through").isTrue();

        assertThat(route.raised()).as("the alert the failed raise left behind").hasSize(1);
        assertThat(mongo.database().getCollection(AlertState.OPEN).countDocuments()).isEqualTo(1);
    }

    @Test
    void aReportWhoseRaiseFailedLeavesItsCellWhenRetractedAfterItsDeadLetterWasEvicted() {
        RouteWithARuleOfThree route = RouteWithARuleOfThree.define(service, mongo.database(), "evict");
        route.report("2026-11-18");
        route.report("2026-11-19");
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.database().getCollection(AlertState.INCIDENTS)
                .countDocuments() == 2);
        AtomicInteger refused = refuseTheFirstRaise();
        String third = route.report("2026-11-20");
        ProcessorAdministration processors = service.bean(ProcessorAdministration.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !processors.deadLetters(InOrderProcessors.ROUTE_ALERTS, 10).isEmpty());
        assertThat(refused).hasValue(1);
        MongoCollection<Document> cells = mongo.database().getCollection(AlertState.CELLS);
        assertThat(cells.countDocuments(Filters.exists("entries." + third))).as("its cell went with the batch")
                .isEqualTo(1);

        assertThat(processors.evict(InOrderProcessors.ROUTE_ALERTS, third)).isEqualTo(1);
        assertThat(service.api().as("analyst").post("/api/v1/incidents/" + third + "/retraction",
                Map.of("reason", "entered twice")).status()).isBetween(200, 299);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cells.countDocuments(
                Filters.exists("entries." + third))).as("the retracted report, still counted").isZero());
        assertThat(route.raised()).isEmpty();
    }

    /** Fails the first alert raised from now on, as a store that does not answer would. */
    private AtomicInteger refuseTheFirstRaise() {
        AtomicInteger refused = new AtomicInteger();
        service.bean(CommandGateway.class).registerDispatchInterceptor(messages -> (index, message) -> {
            if (message.getPayload() instanceof RaiseRouteAlert && refused.getAndIncrement() == 0) {
                throw new IllegalStateException("the store did not answer");
            }
            return message;
        });
        return refused;
    }

    private long lastSequence(String incidentId) {
        DomainEventStream events = service.bean(EventStore.class).readEvents(incidentId);
        events.asStream().forEach(event -> { });
        return events.getLastSequenceNumber();
    }
}
