package org.travesia.query.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

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

/**
 * An event whose handler throws, in a batch whose writes are held until it ends: the event is parked with every later
 * event of its incident, and the other incidents' events in the same batch are written. One segment, so that every
 * event is in the one batch; the batch ends on a parked event.
 */
class PoisonedEventInABatchTest {

    private EmbeddedMongo mongo;
    private RunningService service;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        service = RunningService.start(QueryServiceApplication.builder(), mongo.uri(), "travesia.processing.segments=1");
    }

    @AfterEach
    void stop() {
        service.close();
        mongo.close();
    }

    @Test
    void aPoisonedEventIsParkedWithItsIncidentsLaterEventsWhileTheBatchsOtherEventsAreWritten() {
        AtomicLong positions = new AtomicLong();
        // An amendment of an incident never reported has nothing to amend: its handler throws.
        IncidentEvents poisoned = IncidentEvents.of("incident-poisoned", positions);
        IncidentEvents healthy = IncidentEvents.of("incident-healthy", positions);
        EventStore events = service.bean(EventStore.class);
        MongoCollection<Document> deadLetters = mongo.database().getCollection("dead_letters");
        IncidentReadModel readModel = service.bean(IncidentReadModel.class);

        events.publish(poisoned.amendedDeadTo(3), healthy.reported(), healthy.amendedDeadTo(4), poisoned.verified());

        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.history("incident-healthy").size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(deadLetters) == 2);
        Document healthyState = readModel.all().stream()
                .filter(i -> i.getString(IncidentDocument.ID).equals("incident-healthy")).findFirst().orElseThrow();
        assertThat(healthyState.getLong(IncidentDocument.VERSION)).isEqualTo(1L);
        assertThat(readModel.all()).extracting(i -> i.getString(IncidentDocument.ID))
                .doesNotContain("incident-poisoned");

        IncidentEvents later = IncidentEvents.of("incident-later", positions);
        events.publish(later.reported());
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.history("incident-later").size() == 1);
        assertThat(parked(deadLetters)).isEqualTo(2);
    }

    private static long parked(MongoCollection<Document> deadLetters) {
        return deadLetters.countDocuments(Filters.eq("processingGroup", IncidentProjection.PROCESSING_GROUP));
    }
}
