package org.travesia.query.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * The incident processor sends a batch's writes before it stores its token. When the store refuses them, the batch
 * fails: the token stays below its events, and once the store takes writes again the processor hands the batch again
 * and the read model ends as if nothing had failed. The refusal is the store's own: a unique index the test adds,
 * and a document already holding the incident's report id under it, make the write of the incident's state fail
 * after its history was written.
 */
class FailedBatchWriteKeepsTheTokenTest {

    private EmbeddedMongo mongo;
    private RunningService service;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        service = RunningService.start(QueryServiceApplication.builder(), mongo.uri());
    }

    @AfterEach
    void stop() {
        service.close();
        mongo.close();
    }

    @Test
    void aBatchWhoseWritesFailIsHandedAgainFromItsToken() {
        MongoCollection<Document> incidents = mongo.database().getCollection(IncidentReadModel.INCIDENTS);
        incidents.createIndex(Indexes.ascending(IncidentDocument.CLIENT_REPORT_ID), new IndexOptions().unique(true));
        incidents.insertOne(new Document(IncidentDocument.ID, "blocker")
                .append(IncidentDocument.CLIENT_REPORT_ID, "r-incident-1"));
        IncidentEvents incident = IncidentEvents.of("incident-1", new AtomicLong());
        IncidentReadModel readModel = service.bean(IncidentReadModel.class);
        ProjectionTokenPositions tokens = service.bean(ProjectionTokenPositions.class);

        service.bean(EventStore.class).publish(incident.reported(), incident.amendedDeadTo(3));

        await().atMost(Duration.ofSeconds(30)).until(() -> processingStatus().values().stream()
                .anyMatch(EventTrackerStatus::isErrorState));
        // The processor may take the two events in one batch or the report alone: either way the history of what
        // the failed batch held was written in its first step, and its state, the second, was not.
        assertThat(readModel.history("incident-1")).as("the history, written in the batch's first step").isNotEmpty();
        assertThat(incidents.find(Filters.eq(IncidentDocument.ID, "incident-1")).first()).isNull();
        assertThat(tokens.appliedUpTo()).as("no token covers the batch").isLessThan(tokens.eventHead());

        incidents.deleteOne(Filters.eq(IncidentDocument.ID, "blocker"));

        await().atMost(Duration.ofSeconds(30)).until(() -> tokens.appliedUpTo() == tokens.eventHead());
        Document state = incidents.find(Filters.eq(IncidentDocument.ID, "incident-1")).first();
        assertThat(state.getLong(IncidentDocument.VERSION)).isEqualTo(1L);
        assertThat(state.get(IncidentDocument.DETAILS, Document.class).get("affected", Document.class)
                .get("dead", Number.class).intValue()).isEqualTo(3);
        assertThat(readModel.history("incident-1")).as("each event's entry once").hasSize(2);
    }

    private Map<Integer, EventTrackerStatus> processingStatus() {
        return service.bean(EventProcessingConfiguration.class)
                .eventProcessor(IncidentProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow()
                .processingStatus();
    }
}
