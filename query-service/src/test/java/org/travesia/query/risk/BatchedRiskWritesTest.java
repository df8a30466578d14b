package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Role;
import org.travesia.platform.testing.ProcessedBatch;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

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

    @ParameterizedTest(name = "processor's batch: {0}")
    @ValueSource(booleans = {false, true})
    void aReportMovedTwiceInTheSameBatchLeavesWhatItLeavesEventByEvent(boolean processorsBatch) throws Exception {
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
        assertThat(ProcessedBatch.inSegment(RiskDocuments.segment(processorsBatch), new RiskProjection(buckets), events)
                .isExceptional()).isFalse();

        RiskDocuments.assertSame(batched.database(), eventByEvent.database(), processorsBatch);
        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(RiskReader.incidents(analyst.week("jungle", "2026-11-02"))).isZero();
        assertThat(RiskReader.incidents(analyst.week("jungle", "2026-11-23"))).isEqualTo(1);
        assertThat(RiskReader.incidents(analyst.total("jungle"))).isEqualTo(1);
    }

    /**
     * A batch asks the store for its incidents' states once, and for the marks of the buckets it moves once per
     * period, however many events it holds; event by event, each event asked for its own.
     */
    @Test
    void aBatchReadsTheStatesOnceAndTheMarksOncePerPeriod() {
        List<String> finds = Collections.synchronizedList(new ArrayList<>());
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    finds.add(event.getCommand().getString("find").getValue());
                }
            }
        };
        try (MongoClient listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(batched.uri())).addCommandListener(listener).build())) {
            RiskProjection projection = new RiskProjection(new RiskBuckets(listened.getDatabase("travesia")));
            List<EventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                RiskEvents incident = RiskEvents.about("incident-" + i).on("2026-11-0" + (i + 1));
                events.add(event("Incident", "incident-" + i, incident.incidentReported(), 0));
                events.add(event("Incident", "incident-" + i, incident.movedTo("2026-11-2" + i), 1));
            }

            assertThat(ProcessedBatch.of(projection, events).isExceptional()).isFalse();

            List<String> expected = new ArrayList<>(List.of(RiskBuckets.INCIDENTS));
            for (RiskPeriod period : RiskPeriod.values()) {
                expected.add(period.collection());
            }
            assertThat(finds).containsExactlyInAnyOrderElementsOf(expected);
            RiskReader analyst = RiskReader.of(new RiskBuckets(batched.database()), "org-a", Role.ANALYST);
            assertThat(RiskReader.incidents(analyst.total("jungle"))).isEqualTo(4);
        }
    }

    private static EventMessage<?> event(String aggregateType, String id, Object payload, long sequence) {
        return new GenericDomainEventMessage<>(aggregateType, id, sequence, payload);
    }
}
