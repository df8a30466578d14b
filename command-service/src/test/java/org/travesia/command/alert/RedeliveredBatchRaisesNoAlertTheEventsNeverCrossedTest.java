package org.travesia.command.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
import org.travesia.kernel.alert.RouteAlertRaised;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Review finding: a batch handed again after its cells were written (a crash between its write steps, here the
 * store refusing the second; or after all its writes and before its token) evaluates its earlier events against
 * cells that already hold its later events: a report handled again is put back in its cell beside reports that came
 * after it. Three reports in a week on the route, one of them retracted before the third: no
 * rule of three ever crossed, one event at a time, and no alert may be raised. The refusal is the store's own, as in
 * {@link RaiseSurvivesFailedBatchWritesTest}: a unique index on the incident states' cell and a document already
 * holding the third report's cell.
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
        Api analyst = routeWithARuleOfThree();
        MongoCollection<Document> incidents = system.mongo.database().getCollection(AlertState.INCIDENTS);
        StreamingEventProcessor alerts = alertsStoppedAfterAFirstReport(incidents);
        String second = report("2026-11-19");
        assertThat(analyst.post("/api/v1/incidents/" + second + "/retraction", Map.of("reason", "entered twice"))
                .status()).isBetween(200, 299);
        String third = report("2026-11-20");
        system.tokens.arm();
        alerts.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> system.tokens.failed() && !inError()
                && incidents.countDocuments(Filters.eq("_id", third)) == 1 && alertsAtHead());

        assertThat(raised()).as("alerts raised, where no window ever held three reports").isEmpty();
    }

    @Test
    void aBatchHandedAgainAfterItsCellsWereWrittenRaisesNoAlertItsEventsNeverCrossed() {
        Api analyst = routeWithARuleOfThree();
        MongoCollection<Document> incidents = system.mongo.database().getCollection(AlertState.INCIDENTS);
        StreamingEventProcessor alerts = alertsStoppedAfterAFirstReport(incidents);
        incidents.createIndex(Indexes.ascending("cell"), new IndexOptions().unique(true));
        String thirdCell = AlertState.cellId("crash", null, LocalDate.of(2026, 11, 20));
        incidents.insertOne(new Document("_id", "blocker").append("cell", thirdCell));
        String second = report("2026-11-19");
        assertThat(analyst.post("/api/v1/incidents/" + second + "/retraction", Map.of("reason", "entered twice"))
                .status()).isBetween(200, 299);
        String third = report("2026-11-20");
        alerts.start();

        await().atMost(Duration.ofSeconds(30)).until(this::inError);
        incidents.deleteOne(Filters.eq("_id", "blocker"));
        await().atMost(Duration.ofSeconds(30)).until(() -> incidents.countDocuments(Filters.eq("_id", third)) == 1);

        assertThat(raised()).as("alerts raised, where no window ever held three reports").isEmpty();
    }

    /** A route with a rule of three kidnappings in seven days, once route assignment knows the route. */
    private Api routeWithARuleOfThree() {
        Api analyst = system.service.api().as("analyst");
        assertThat(analyst.post("/api/v1/routes", Map.of("routeId", "crash", "name", Map.of("en", "Crash",
                "es", "Caída"), "countries", List.of("PA"))).status()).isEqualTo(201);
        assertThat(analyst.post("/api/v1/routes/crash/alert-rules", Map.of("ruleId", "k3", "kind", "THRESHOLD",
                "incidentTypes", List.of("KIDNAPPING"), "minCount", 3, "windowDays", 7)).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> system.mongo.database().getCollection("assignment_segments")
                .countDocuments(Filters.eq("_id", "~route:crash")) == 1);
        return analyst;
    }

    /** The first report handled, then the processor stopped, so that the next events come to it as one batch. */
    private StreamingEventProcessor alertsStoppedAfterAFirstReport(MongoCollection<Document> incidents) {
        report("2026-11-18");
        await().atMost(Duration.ofSeconds(20)).until(() -> incidents.countDocuments() == 1);
        StreamingEventProcessor alerts = alerts();
        alerts.shutDown();
        return alerts;
    }

    private StreamingEventProcessor alerts() {
        return system.service.bean(EventProcessingConfiguration.class)
                .eventProcessor(InOrderProcessors.ROUTE_ALERTS, StreamingEventProcessor.class).orElseThrow();
    }

    private String report(String day) {
        Api.Response created = system.service.api().as("monitor").post("/api/v1/incidents", Reports.kidnapping()
                .with("occurredAt", day).onRoute("crash", null).build());
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("incidentId").asText();
    }

    private List<RouteAlertRaised> raised() {
        return system.service.bean(EventStore.class).readEvents("crash").asStream()
                .filter(event -> event.getPayload() instanceof RouteAlertRaised)
                .map(event -> (RouteAlertRaised) event.getPayload()).toList();
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
