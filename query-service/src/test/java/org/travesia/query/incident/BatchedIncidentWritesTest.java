package org.travesia.query.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.ProcessedBatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The incident projection's writes for a batch are sent when the batch ends; within it, each event reads the state
 * the batch's earlier events left. A batch must leave exactly what the same events leave handled one by one.
 */
class BatchedIncidentWritesTest {

    private final AtomicLong positions = new AtomicLong();
    private final EmbeddedMongo eventByEvent = EmbeddedMongo.inMemory();
    private final EmbeddedMongo batched = EmbeddedMongo.inMemory();

    @AfterEach
    void stop() {
        eventByEvent.close();
        batched.close();
    }

    @Test
    void aReportAmendedInTheSameBatchLeavesWhatItLeavesEventByEvent() throws Exception {
        IncidentEvents first = IncidentEvents.of("incident-1", positions);
        IncidentEvents second = IncidentEvents.of("incident-2", positions);
        List<EventMessage<?>> events = List.of(first.reported(), second.reported(), first.amendedDeadTo(3),
                first.sourceAttached(), second.verified(), first.sharedPublicly(), first.verified());
        IncidentReadModel actual = batchedLeavesWhatEventByEventLeaves(events);

        Document incident = actual.all().stream().filter(i -> i.getString(IncidentDocument.ID).equals("incident-1"))
                .findFirst().orElseThrow();
        assertThat(incident.getLong(IncidentDocument.VERSION)).isEqualTo(4L);
        assertThat(incident.get(IncidentDocument.DETAILS, Document.class).get("affected", Document.class)
                .get("dead", Number.class).intValue()).isEqualTo(3);
        assertThat(actual.history("incident-1")).hasSize(5);
    }

    @Test
    void anImportedReportAndItsMmpRecordInTheSameBatchLeaveWhatTheyLeaveEventByEvent() throws Exception {
        IncidentEvents imported = IncidentEvents.of("incident-1", positions);
        List<EventMessage<?>> events = List.of(imported.reportedFromMmp(), imported.mmpRecordImported(),
                imported.amendedDeadTo(4), imported.verified());
        IncidentReadModel actual = batchedLeavesWhatEventByEventLeaves(events);

        assertThat(actual.all().get(0).getLong(IncidentDocument.VERSION)).isEqualTo(3L);
    }

    @Test
    void aBatchDeliveredAgainChangesNothing() {
        IncidentEvents incident = IncidentEvents.of("incident-1", positions);
        List<EventMessage<?>> events = List.of(incident.reported(), incident.amendedDeadTo(3), incident.verified());
        IncidentReadModel readModel = new IncidentReadModel(batched.database());
        IncidentProjection projection = projection(readModel);
        ProcessedBatch.of(projection, events);
        List<Document> once = readModel.all();
        List<Document> historyOnce = readModel.allHistory();

        assertThat(ProcessedBatch.of(projection, events).isExceptional()).isFalse();

        assertThat(readModel.all()).isEqualTo(once);
        assertThat(readModel.allHistory()).containsExactlyInAnyOrderElementsOf(historyOnce).hasSize(3);
    }

    /** Handles the events as one batch and one by one, each on its own store; both leave the same documents. */
    private IncidentReadModel batchedLeavesWhatEventByEventLeaves(List<EventMessage<?>> events) throws Exception {
        IncidentReadModel expected = new IncidentReadModel(eventByEvent.database());
        IncidentReadModel actual = new IncidentReadModel(batched.database());

        ProcessedBatch.eventByEvent(projection(expected), events);
        assertThat(ProcessedBatch.of(projection(actual), events).isExceptional()).isFalse();

        assertThat(actual.all()).containsExactlyInAnyOrderElementsOf(expected.all());
        assertThat(actual.allHistory()).containsExactlyInAnyOrderElementsOf(expected.allHistory());
        return actual;
    }

    private static IncidentProjection projection(IncidentReadModel readModel) {
        return new IncidentProjection(readModel, new ProjectionProgress(), new IncidentMetrics(new SimpleMeterRegistry()));
    }
}
