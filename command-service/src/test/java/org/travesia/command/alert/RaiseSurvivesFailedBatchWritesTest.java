package org.travesia.command.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.command.CommandServiceApplication;
import org.travesia.command.InOrderProcessors;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.alert.RouteAlertRaised;
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
 * refused as a duplicate and the batch fails.
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
        RouteWithARuleOfThree route = RouteWithARuleOfThree.define(service, mongo.database(), "crash");
        route.report("2026-11-18");
        route.report("2026-11-19");
        MongoCollection<Document> open = mongo.database().getCollection(AlertState.OPEN);
        open.createIndex(Indexes.ascending("blocked"), new IndexOptions().unique(true).name("blocked"));
        open.insertOne(new Document("_id", "blocker"));

        route.report("2026-11-20");

        await().atMost(Duration.ofSeconds(30)).until(() -> route.raised().size() == 1 && inError());
        assertThat(open.countDocuments(Filters.exists("alertId")))
                .as("the batch that raised it did not hold it open").isZero();
        open.deleteOne(Filters.eq("_id", "blocker"));
        open.dropIndex("blocked");

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.database().getCollection(AlertState.OPEN)
                .countDocuments() == 1);
        String alertId = route.raised().get(0).alertId();
        assertThat(mongo.database().getCollection(AlertState.OPEN).find().first().getString("alertId"))
                .isEqualTo(alertId);
        assertThat(route.raised()).as("raised once").extracting(RouteAlertRaised::alertId).containsExactly(alertId);
    }

    private boolean inError() {
        return service.bean(EventProcessingConfiguration.class)
                .eventProcessor(InOrderProcessors.ROUTE_ALERTS, StreamingEventProcessor.class).orElseThrow()
                .processingStatus().values().stream().anyMatch(status -> status.isErrorState());
    }
}
