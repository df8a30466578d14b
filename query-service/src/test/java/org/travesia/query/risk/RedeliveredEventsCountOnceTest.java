package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.travesia.query.risk.RiskReader.dead;
import static org.travesia.query.risk.RiskReader.incidents;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Role;
import org.travesia.platform.testing.ProcessedBatch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * The service may die after the risk buckets took an event and before the incident's state recorded it; the processor
 * then delivers that event again. It must count once. The death is staged by failing the state write once (for a
 * batch, by the store refusing it); a missing-person case report, kept in the same buckets, is held to the same.
 */
class RedeliveredEventsCountOnceTest {

    private EmbeddedMongo mongo;
    private DyingBeforeStateWrite buckets;
    private RiskProjection projection;

    /** The buckets as the projection uses them, except that the next incident state write can be made to die. */
    private static final class DyingBeforeStateWrite extends RiskBuckets {

        private boolean dieOnNextStateWrite;

        DyingBeforeStateWrite(MongoDatabase database) {
            super(database);
        }

        @Override
        void saveIncident(Document incident) {
            dieIfAsked();
            super.saveIncident(incident);
        }

        @Override
        void saveCase(String caseId, long sequence) {
            dieIfAsked();
            super.saveCase(caseId, sequence);
        }

        private void dieIfAsked() {
            if (dieOnNextStateWrite) {
                dieOnNextStateWrite = false;
                throw new IllegalStateException("the service died before the state was written");
            }
        }
    }

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        buckets = new DyingBeforeStateWrite(mongo.database());
        projection = new RiskProjection(buckets);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aReportDeliveredAgainAfterACrashCountsOnce() {
        RiskEvents kidnapping = RiskEvents.about("incident-1");
        buckets.dieOnNextStateWrite = true;
        assertThatThrownBy(() -> projection.on(kidnapping.incidentReported(), 0))
                .isInstanceOf(IllegalStateException.class);

        projection.on(kidnapping.incidentReported(), 0);

        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(incidents(analyst.total("jungle"))).isEqualTo(1);
        assertThat(dead(analyst.total("jungle"))).isEqualTo(2);
    }

    @Test
    void anAmendmentDeliveredAgainAfterACrashMovesTheCountOnce() {
        RiskEvents kidnapping = RiskEvents.about("incident-1").on("2026-11-04");
        projection.on(kidnapping.incidentReported(), 0);
        buckets.dieOnNextStateWrite = true;
        assertThatThrownBy(() -> projection.on(kidnapping.movedTo("2026-11-18"), 1))
                .isInstanceOf(IllegalStateException.class);

        projection.on(kidnapping.movedTo("2026-11-18"), 1);

        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(incidents(analyst.week("jungle", "2026-11-02"))).isZero();
        assertThat(incidents(analyst.week("jungle", "2026-11-16"))).isEqualTo(1);
        assertThat(incidents(analyst.total("jungle"))).isEqualTo(1);
    }

    /** The segments' buckets are documents apart: the move takes one away from one and adds one to the other, once. */
    @Test
    void aMoveToAnotherSegmentDeliveredAgainAfterACrashMovesTheCountOnce() {
        RiskEvents kidnapping = RiskEvents.about("incident-1");
        projection.on(kidnapping.incidentReported(), 0);
        buckets.dieOnNextStateWrite = true;
        assertThatThrownBy(() -> projection.on(kidnapping.movedToSegment("coast"), 1))
                .isInstanceOf(IllegalStateException.class);

        projection.on(kidnapping.movedToSegment("coast"), 1);

        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(incidents(analyst.total("jungle"))).isZero();
        assertThat(incidents(analyst.total("coast"))).isEqualTo(1);
        assertThat(dead(analyst.total("coast"))).isEqualTo(2);
    }

    @Test
    void aMissingPersonCaseDeliveredAgainAfterACrashCountsOnce() {
        RiskEvents missingPerson = RiskEvents.about("case-1");
        buckets.dieOnNextStateWrite = true;
        assertThatThrownBy(() -> projection.on(missingPerson.caseReported(), 0))
                .isInstanceOf(IllegalStateException.class);

        projection.on(missingPerson.caseReported(), 0);

        assertThat(RiskReader.casesOpened(RiskReader.of(buckets, "org-a", Role.MONITOR).total("jungle"))).isEqualTo(1L);
    }

    /**
     * A batch's writes go in steps, buckets first: when the states' step fails, the buckets have taken every event of
     * the incident (its report, its move, its new count of dead), one bucket several, and the batch handed again must
     * take none. The failure is the store's: a unique index the test adds refuses the state of a second incident of
     * the organisation.
     */
    @ParameterizedTest(name = "processor's batch: {0}")
    @ValueSource(booleans = {false, true})
    void aBatchHandedAgainAfterItsStateWriteFailedCountsOnce(boolean processorsBatch) {
        Segment segment = RiskDocuments.segment(processorsBatch);
        RiskEvents kidnapping = RiskEvents.about("incident-1").on("2026-11-04");
        List<EventMessage<?>> batch = List.of(incidentEvent(kidnapping.incidentReported(), 0),
                incidentEvent(kidnapping.movedTo("2026-11-18"), 1), incidentEvent(kidnapping.deadChangedTo(5), 2));
        MongoCollection<Document> states = mongo.database().getCollection(RiskBuckets.INCIDENTS);
        states.createIndex(Indexes.ascending("organisation"), new IndexOptions().unique(true));
        states.insertOne(new Document("_id", "another-incident").append("organisation", "org-a"));

        assertThat(ProcessedBatch.inSegment(segment, projection, batch).isExceptional()).isTrue();
        states.deleteOne(Filters.eq("_id", "another-incident"));
        assertThat(ProcessedBatch.inSegment(segment, projection, batch).isExceptional()).isFalse();

        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(incidents(analyst.week("jungle", "2026-11-02"))).isZero();
        assertThat(incidents(analyst.week("jungle", "2026-11-16"))).isEqualTo(1);
        assertThat(dead(analyst.week("jungle", "2026-11-16"))).isEqualTo(5);
        assertThat(incidents(analyst.total("jungle"))).isEqualTo(1);
        assertThat(dead(analyst.total("jungle"))).isEqualTo(5);
    }

    @Test
    void theEventsAfterACrashStillCount() {
        RiskEvents kidnapping = RiskEvents.about("incident-1").on("2026-11-04");
        buckets.dieOnNextStateWrite = true;
        assertThatThrownBy(() -> projection.on(kidnapping.incidentReported(), 0))
                .isInstanceOf(IllegalStateException.class);
        projection.on(kidnapping.incidentReported(), 0);

        projection.on(kidnapping.movedTo("2026-11-18"), 1);
        projection.on(kidnapping.movedTo("2026-11-04"), 2);

        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(incidents(analyst.week("jungle", "2026-11-02"))).isEqualTo(1);
        assertThat(incidents(analyst.week("jungle", "2026-11-16"))).isZero();
    }

    private static EventMessage<?> incidentEvent(Object payload, long sequence) {
        return new GenericDomainEventMessage<>("Incident", "incident-1", sequence, payload);
    }
}
