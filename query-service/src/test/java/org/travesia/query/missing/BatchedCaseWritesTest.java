package org.travesia.query.missing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.missing.MissingPersonFacts;
import org.travesia.kernel.missing.MissingPersonFoundAlive;
import org.travesia.kernel.missing.MissingPersonReported;
import org.travesia.kernel.missing.SightingRecorded;
import org.travesia.platform.testing.ProcessedBatch;
import org.travesia.platform.testing.TestPrivacy;

import com.mongodb.client.MongoDatabase;

/**
 * The missing-person projection's writes for a batch are sent when the batch ends; within it, each event reads the
 * case's state the batch's earlier events left. A batch must leave exactly what the same events leave one by one.
 * The events carry no personal data: the projection copies it sealed, and nothing here needs it.
 */
class BatchedCaseWritesTest {

    private final TestPrivacy privacy = TestPrivacy.inMemory();
    private final EmbeddedMongo eventByEvent = EmbeddedMongo.inMemory();
    private final EmbeddedMongo batched = EmbeddedMongo.inMemory();

    @AfterEach
    void stop() {
        eventByEvent.close();
        batched.close();
        privacy.close();
    }

    @Test
    void aCaseReportedSightedAndFoundInTheSameBatchLeavesWhatItLeavesEventByEvent() throws Exception {
        List<EventMessage<?>> events = List.of(event("case-1", 0, reported("case-1")), event("case-2", 0,
                        reported("case-2")), event("case-1", 1, new SightingRecorded("case-1", "2026-11-20", "DAY",
                        null, "SHELTER", "HIGH", null)),
                event("case-1", 2, new MissingPersonFoundAlive("case-1", "2026-11-22", null)));

        ProcessedBatch.eventByEvent(projection(eventByEvent.database()), events);
        assertThat(ProcessedBatch.of(projection(batched.database()), events).isExceptional()).isFalse();

        for (String collection : List.of(CaseReadModel.CASES, CaseReadModel.HISTORY)) {
            assertThat(documents(batched.database(), collection)).as(collection)
                    .containsExactlyInAnyOrderElementsOf(documents(eventByEvent.database(), collection));
        }
        Document found = batched.database().getCollection(CaseReadModel.CASES)
                .find(new Document(CaseDocument.ID, "case-1")).first();
        assertThat(found.getLong(CaseDocument.VERSION)).isEqualTo(2L);
        assertThat(documents(batched.database(), CaseReadModel.HISTORY)).hasSize(4);
    }

    private CaseProjection projection(MongoDatabase database) {
        return new CaseProjection(new CaseReadModel(database), new CaseProjectionProgress(), privacy.cipher());
    }

    private static MissingPersonReported reported(String caseId) {
        return new MissingPersonReported(caseId, "org-a", "maria", "r-" + caseId, "fp-" + caseId,
                new MissingPersonFacts.Person(null, null, "F", null, null, null, "HN", null, null),
                new MissingPersonFacts.LastSeen("2026-11-18", "DAY", null, "darien", "jungle"), null, null, "NETWORK",
                List.of());
    }

    private static EventMessage<?> event(String caseId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("MissingPersonCase", caseId, sequence, payload,
                MetaData.with(MetadataKeys.USER, "ana").and(MetadataKeys.ORGANISATION, "org-a"));
    }

    private static List<Document> documents(MongoDatabase database, String collection) {
        return database.getCollection(collection).find().into(new ArrayList<>());
    }
}
