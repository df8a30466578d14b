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
 * An operator retries a parked sequence (ProcessorAdministration.retry, an HTTP thread) while the processor is in a
 * batch that also holds a later event of that incident. The retry's writes go as they come and the letter is evicted;
 * the batch then reaches the incident's event, which the dead-letter queue no longer parks, and handles it. Event by
 * event it reads the incident as the retry left it.
 */
class RetryDuringABatchTest {

    private final AtomicLong positions = new AtomicLong();
    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void anEventAfterARetriedSequenceReadsWhatTheRetryWrote() throws Exception {
        IncidentReadModel readModel = new IncidentReadModel(mongo.database());
        IncidentProjection projection = new IncidentProjection(readModel, new ProjectionProgress(),
                new IncidentMetrics(new SimpleMeterRegistry()));
        IncidentEvents parked = IncidentEvents.of("incident-parked", positions);
        IncidentEvents other = IncidentEvents.of("incident-other", positions);
        EventMessage<?> reported = parked.reported();
        EventMessage<?> amended = parked.amendedDeadTo(7);  // parked earlier; the operator retries it
        EventMessage<?> verified = parked.verified();       // in the batch, after the retry is done
        ProcessedBatch.eventByEvent(projection, List.of(reported));

        // The operator's retry of the amendment, done before the batch reaches the verification.
        boolean failed = ProcessedBatch.withRetryBefore(projection, List.of(other.reported(), verified), verified,
                List.of(amended)).isExceptional();

        assertThat(failed).isFalse();
        Document incident = readModel.all().stream()
                .filter(i -> i.getString(IncidentDocument.ID).equals("incident-parked")).findFirst().orElseThrow();
        assertThat(incident.getLong(IncidentDocument.VERSION)).isEqualTo(2L);
        assertThat(incident.get(IncidentDocument.DETAILS, Document.class).get("affected", Document.class)
                .get("dead", Number.class).intValue()).as("the retried amendment").isEqualTo(7);
    }
}
