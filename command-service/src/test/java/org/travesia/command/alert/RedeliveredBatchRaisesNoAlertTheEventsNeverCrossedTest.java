package org.travesia.command.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.command.InOrderProcessors;
import org.travesia.command.testing.ServiceLosingOneToken;
import org.travesia.platform.testing.Api;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Review finding: a batch handed again after its cells were written (a crash between its write steps, here the
 * store refusing the second; or after all its writes and before its token) evaluates its earlier events against
 * cells that already hold its later events: a report handled again is put back in its cell beside reports that came
 * after it. Three reports in a week on the route, one of them retracted before the third: no
 * rule of three ever crossed, one event at a time, and no alert may be raised. The refusal is the store's own: a
 * unique index on the incident states' cell and a document already holding the third report's cell.
 */
class RedeliveredBatchRaisesNoAlertTheEventsNeverCrossedTest {

    private ServiceLosingOneToken system;

    @BeforeEach
    void start() {
        system = ServiceLosingOneToken.start(InOrderProcessors.ROUTE_ALERTS);
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void aBatchHandedAgainAfterItsTokenWasLostRaisesNoAlertItsEventsNeverCrossed() {
        RouteWithARuleOfThree route = RouteWithARuleOfThree.define(system.service, system.mongo.database(), "crash");
        Api analyst = system.service.api().as("analyst");
        MongoCollection<Document> incidents = system.mongo.database().getCollection(AlertState.INCIDENTS);
        StreamingEventProcessor alerts = alertsStoppedAfterAFirstReport(route, incidents);
        String second = route.report("2026-11-19");
        assertThat(analyst.post("/api/v1/incidents/" + second + "/retraction", Map.of("reason", "entered twice"))
                .status()).isBetween(200, 299);
        String third = route.report("2026-11-20");
        system.tokens.arm();
        alerts.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> system.tokens.failed() && !inError()
                && incidents.countDocuments(Filters.eq("_id", third)) == 1 && alertsAtHead());

        assertThat(route.raised()).as("alerts raised, where no window ever held three reports").isEmpty();
    }

    @Test
    void aBatchHandedAgainAfterItsCellsWereWrittenRaisesNoAlertItsEventsNeverCrossed() {
        RouteWithARuleOfThree route = RouteWithARuleOfThree.define(system.service, system.mongo.database(), "crash");
        Api analyst = system.service.api().as("analyst");
        MongoCollection<Document> incidents = system.mongo.database().getCollection(AlertState.INCIDENTS);
        StreamingEventProcessor alerts = alertsStoppedAfterAFirstReport(route, incidents);
        incidents.createIndex(Indexes.ascending("cell"), new IndexOptions().unique(true));
        String thirdCell = AlertState.cellId("crash", null, LocalDate.of(2026, 11, 20));
        incidents.insertOne(new Document("_id", "blocker").append("cell", thirdCell));
        String second = route.report("2026-11-19");
        assertThat(analyst.post("/api/v1/incidents/" + second + "/retraction", Map.of("reason", "entered twice"))
                .status()).isBetween(200, 299);
        String third = route.report("2026-11-20");
        alerts.start();

        await().atMost(Duration.ofSeconds(30)).until(this::inError);
        incidents.deleteOne(Filters.eq("_id", "blocker"));
        await().atMost(Duration.ofSeconds(30)).until(() -> incidents.countDocuments(Filters.eq("_id", third)) == 1);

        assertThat(route.raised()).as("alerts raised, where no window ever held three reports").isEmpty();
    }

    /** The first report handled, then the processor stopped, so that the next events come to it as one batch. */
    private StreamingEventProcessor alertsStoppedAfterAFirstReport(RouteWithARuleOfThree route,
                                                                   MongoCollection<Document> incidents) {
        route.report("2026-11-18");
        await().atMost(Duration.ofSeconds(20)).until(() -> incidents.countDocuments() == 1);
        StreamingEventProcessor alerts = alerts();
        alerts.shutDown();
        return alerts;
    }

    private StreamingEventProcessor alerts() {
        return system.service.bean(EventProcessingConfiguration.class)
                .eventProcessor(InOrderProcessors.ROUTE_ALERTS, StreamingEventProcessor.class).orElseThrow();
    }

    private boolean alertsAtHead() {
        long head = system.service.bean(EventStore.class).createHeadToken().position().orElse(-1);
        return alerts().processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head);
    }

    private boolean inError() {
        return alerts().processingStatus().values().stream().anyMatch(status -> status.isErrorState());
    }
}
