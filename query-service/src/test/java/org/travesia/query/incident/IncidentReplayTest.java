package org.travesia.query.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.common.Place;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.taxonomy.IncidentType;
import org.travesia.platform.testing.EmbeddedMongo;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

/** Resetting the incident projection and replaying from the start rebuilds the very same documents. */
class IncidentReplayTest {

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
    void aReplayRebuildsAnIdenticalReadModel() {
        EventStore events = service.bean(EventStore.class);
        for (int i = 0; i < 200; i++) {
            events.publish(new GenericDomainEventMessage<>("Incident", "incident-" + i, 0, reported("incident-" + i, i),
                    MetaData.with(MetadataKeys.USER, "monitor").and(MetadataKeys.ORGANISATION, "org-a")));
        }
        IncidentReadModel readModel = service.bean(IncidentReadModel.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.all().size() == 200);
        List<Document> before = readModel.all();

        StreamingEventProcessor processor = service.bean(EventProcessingConfiguration.class)
                .eventProcessor(IncidentProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(readModel.all()).as("the reset handler cleared the read model").isEmpty();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.all().size() == 200);
        assertThat(readModel.all()).containsExactlyInAnyOrderElementsOf(before);
    }

    private static IncidentReported reported(String id, int day) {
        IncidentDetails details = new IncidentDetails(IncidentType.values()[day % IncidentType.values().length], null,
                OccurredAt.onDay(LocalDate.of(2026, 1, 1).plusDays(day)), null, Place.inCountry("MX"), "us-mexico",
                null, null, List.of("HN"), null, null, null, "report " + day, null);
        return new IncidentReported(id, "org-a", "r-" + day, "fp-" + day, details, SharingLevel.NETWORK);
    }
}
