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
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentFactsMapper;
import org.travesia.kernel.incident.IncidentMarkedAsDuplicate;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.incident.SharingChanged;
import org.travesia.kernel.incident.SourceAttached;
import org.travesia.kernel.taxonomy.IncidentType;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.testing.RunningService;
import org.travesia.platform.testing.SealedEvents;
import org.travesia.query.QueryServiceApplication;

/** Resetting the incident projection and replaying from the start rebuilds the very same documents, history included. */
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
        PersonalDataCipher cipher = service.bean(PersonalDataCipher.class);
        int expectedHistory = 0;
        for (int i = 0; i < 200; i++) {
            Object[] lifecycle = SealedEvents.sealed(cipher, lifecycle("incident-" + i, i).toArray());
            for (int sequence = 0; sequence < lifecycle.length; sequence++) {
                events.publish(new GenericDomainEventMessage<>("Incident", "incident-" + i, sequence,
                        lifecycle[sequence], MetaData.with(MetadataKeys.USER, "ana")
                        .and(MetadataKeys.ORGANISATION, "org-a")));
            }
            expectedHistory += lifecycle.length;
        }
        int historySize = expectedHistory;
        IncidentReadModel readModel = service.bean(IncidentReadModel.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> readModel.allHistory().size() == historySize);
        List<Document> before = readModel.all();
        List<Document> historyBefore = readModel.allHistory();
        assertThat(before).hasSize(200);

        StreamingEventProcessor processor = service.bean(EventProcessingConfiguration.class)
                .eventProcessor(IncidentProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(readModel.all()).as("the reset handler cleared the read model").isEmpty();
        processor.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> readModel.allHistory().size() == historySize);
        assertThat(readModel.all()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(readModel.allHistory()).containsExactlyInAnyOrderElementsOf(historyBefore);
    }

    /** Every kind of incident event, in varied combinations. */
    private static List<Object> lifecycle(String id, int i) {
        IncidentReported reported = reported(id, i);
        List<Object> events = new java.util.ArrayList<>(List.of(reported));
        if (i % 2 == 0) {
            IncidentFacts changes = new IncidentFacts(null, null, null, null, null, null, null, null,
                    new IncidentFacts.Affected(1, null, null, null, null, null, null, null), null, null, null, null,
                    "amended " + i, null);
            events.add(new IncidentAmended(id, changes, List.of("affected", "description"), "corrected"));
        }
        if (i % 3 == 0) {
            events.add(new SourceAttached(id, new IncidentFacts.Source("MEDIA", 1, "paper")));
            events.add(new IncidentVerified(id, "checked"));
        }
        if (i % 5 == 0) {
            events.add(new SharingChanged(id, "NETWORK", "PUBLIC", "published"));
        }
        if (i % 7 == 0) {
            events.add(new IncidentMarkedAsDuplicate(id, "incident-0", "same"));
        }
        if (i % 11 == 0) {
            events.add(new IncidentRetracted(id, "error"));
        }
        return events;
    }

    private static IncidentReported reported(String id, int day) {
        IncidentDetails details = new IncidentDetails(IncidentType.values()[day % IncidentType.values().length], null,
                OccurredAt.onDay(LocalDate.of(2026, 1, 1).plusDays(day)), null, Place.inCountry("MX"), "us-mexico",
                null, null, List.of("HN"), null, null, null, "report " + day, null);
        return new IncidentReported(id, "org-a", "maria", "r-" + day, "fp-" + day, IncidentFactsMapper.toFacts(details),
                "NETWORK");
    }
}
