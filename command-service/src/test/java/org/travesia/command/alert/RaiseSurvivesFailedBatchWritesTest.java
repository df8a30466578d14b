package org.travesia.command.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.command.CommandServiceApplication;
import org.travesia.command.InOrderProcessors;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.alert.RouteAlertRaised;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * The route raises an alert before evaluation writes that it holds it open: when the batch's writes then fail (the
 * service dying there leaves the same), the batch comes again, raises the same alert id, and the route answers with
 * the alert it holds. One alert, held open. The refusal is the store's own: a unique index the test adds on a field
 * no open-alert document has, and a document already there without it, so the batch's write of the open alert is
 * refused as a duplicate, and what the batch would write after it (the incident's state) is never sent.
 */
class RaiseSurvivesFailedBatchWritesTest {

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
    void anAlertRaisedBeforeTheBatchsWritesFailedIsRaisedOnceAndHeldOpen() {
        Api analyst = service.api().as("analyst");
        assertThat(analyst.post("/api/v1/routes", Map.of("routeId", "crash", "name", Map.of("en", "Crash",
                "es", "Caída"), "countries", List.of("PA"))).status()).isEqualTo(201);
        assertThat(analyst.post("/api/v1/routes/crash/alert-rules", Map.of("ruleId", "k3", "kind", "THRESHOLD",
                "incidentTypes", List.of("KIDNAPPING"), "minCount", 3, "windowDays", 7)).status()).isEqualTo(201);
        // A report may name a route once route assignment, which answers whether it exists, has taken it in.
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.database().getCollection("assignment_segments")
                .countDocuments(Filters.eq("_id", "~route:crash")) == 1);
        report("2026-11-18");
        report("2026-11-19");
        MongoCollection<Document> open = mongo.database().getCollection(AlertState.OPEN);
        open.createIndex(Indexes.ascending("blocked"), new IndexOptions().unique(true).name("blocked"));
        open.insertOne(new Document("_id", "blocker"));

        report("2026-11-20");

        await().atMost(Duration.ofSeconds(30)).until(() -> raised().size() == 1 && inError());
        assertThat(open.countDocuments(Filters.exists("alertId")))
                .as("the batch that raised it did not hold it open").isZero();
        assertThat(mongo.database().getCollection(AlertState.INCIDENTS).countDocuments())
                .as("nor wrote the third report's state").isEqualTo(2);
        open.deleteOne(Filters.eq("_id", "blocker"));
        open.dropIndex("blocked");

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.database().getCollection(AlertState.OPEN)
                .countDocuments() == 1);
        String alertId = raised().get(0).alertId();
        assertThat(mongo.database().getCollection(AlertState.OPEN).find().first().getString("alertId"))
                .isEqualTo(alertId);
        assertThat(raised()).as("raised once").extracting(RouteAlertRaised::alertId).containsExactly(alertId);
    }

    private void report(String day) {
        assertThat(service.api().as("monitor").post("/api/v1/incidents", Reports.kidnapping().with("occurredAt", day)
                .onRoute("crash", null).build()).status()).isEqualTo(201);
    }

    private List<RouteAlertRaised> raised() {
        return service.bean(EventStore.class).readEvents("crash").asStream()
                .filter(event -> event.getPayload() instanceof RouteAlertRaised)
                .map(event -> (RouteAlertRaised) event.getPayload()).toList();
    }

    private boolean inError() {
        return service.bean(EventProcessingConfiguration.class)
                .eventProcessor(InOrderProcessors.ROUTE_ALERTS, StreamingEventProcessor.class).orElseThrow()
                .processingStatus().values().stream().anyMatch(status -> status.isErrorState());
    }
}
