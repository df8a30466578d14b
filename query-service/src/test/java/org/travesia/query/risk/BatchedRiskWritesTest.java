package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Role;
import org.travesia.platform.testing.ProcessedBatch;

import com.mongodb.client.MongoDatabase;

/**
 * The risk projection's writes for a batch are sent when the batch ends, buckets first; within it, each event reads
 * the incident's state the batch's earlier events left. A batch must leave exactly the documents the same events
 * leave handled one by one, marks removed included.
 */
class BatchedRiskWritesTest {

    private final EmbeddedMongo eventByEvent = EmbeddedMongo.inMemory();
    private final EmbeddedMongo batched = EmbeddedMongo.inMemory();

    @AfterEach
    void stop() {
        eventByEvent.close();
        batched.close();
    }

    @Test
    void aReportMovedTwiceInTheSameBatchLeavesWhatItLeavesEventByEvent() throws Exception {
        RiskEvents kidnapping = RiskEvents.about("incident-1").on("2026-11-04");
        RiskEvents other = RiskEvents.about("incident-2").of("org-b").inSegment("coast");
        RiskEvents missingPerson = RiskEvents.about("case-1");
        List<EventMessage<?>> events = List.of(event("Incident", "incident-1", kidnapping.incidentReported(), 0),
                event("Incident", "incident-2", other.incidentReported(), 0),
                event("Incident", "incident-1", kidnapping.movedTo("2026-10-28"), 1),
                event("MissingPersonCase", "case-1", missingPerson.caseReported(), 0),
                event("Incident", "incident-1", kidnapping.movedTo("2026-11-25"), 2));

        ProcessedBatch.eventByEvent(new RiskProjection(new RiskBuckets(eventByEvent.database())), events);
        RiskBuckets buckets = new RiskBuckets(batched.database());
        assertThat(ProcessedBatch.of(new RiskProjection(buckets), events).isExceptional()).isFalse();

        for (String collection : collections()) {
            assertThat(documents(batched.database(), collection)).as(collection)
                    .containsExactlyInAnyOrderElementsOf(documents(eventByEvent.database(), collection));
        }
        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(RiskReader.incidents(analyst.week("jungle", "2026-11-02"))).isZero();
        assertThat(RiskReader.incidents(analyst.week("jungle", "2026-11-23"))).isEqualTo(1);
        assertThat(RiskReader.incidents(analyst.total("jungle"))).isEqualTo(1);
    }

    private static List<String> collections() {
        List<String> collections = new ArrayList<>(List.of(RiskBuckets.INCIDENTS, RiskBuckets.CASES,
                RiskBuckets.ROUTE_SEGMENTS));
        for (RiskPeriod period : RiskPeriod.values()) {
            collections.add(period.collection());
        }
        return collections;
    }

    private static List<Document> documents(MongoDatabase database, String collection) {
        return database.getCollection(collection).find().into(new ArrayList<>());
    }

    private static EventMessage<?> event(String aggregateType, String id, Object payload, long sequence) {
        return new GenericDomainEventMessage<>(aggregateType, id, sequence, payload);
    }
}
