package org.travesia.command.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.command.testing.WritesPerCollection;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.alert.AlertRuleSet;
import org.travesia.kernel.alert.RaiseOutcome;
import org.travesia.kernel.alert.RaiseRouteAlert;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.platform.testing.ProcessedBatch;

import com.mongodb.client.MongoClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A batch of reports is written in one bulk write per collection, when it ends, and each rule evaluated within it
 * counts the reports placed earlier in the same batch.
 */
class OneWritePerBatchTest {

    private static final int REPORTS = 20;

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private final WritesPerCollection writes = new WritesPerCollection();
    private final MongoClient client = writes.client(mongo.uri());

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void twentyReportsInOneBatchAreWrittenOncePerCollectionAndTheTwentiethCountsTheOthers() {
        List<RaiseRouteAlert> raised = new ArrayList<>();
        CommandGateway commands = mock(CommandGateway.class);
        // The route's answer to a first raise of a rule and segment: raised, and open under its own id.
        when(commands.sendAndWait(any())).thenAnswer(invocation -> {
            RaiseRouteAlert raise = (RaiseRouteAlert) ((CommandMessage<?>) invocation.getArgument(0)).getPayload();
            raised.add(raise);
            return new RaiseOutcome(raise.alertId(), true);
        });
        var evaluator = new AlertEvaluator(new AlertState(client.getDatabase("travesia")), commands,
                new SimpleMeterRegistry());
        List<EventMessage<?>> batch = new ArrayList<>();
        // Crossed by the twentieth report only if its evaluation counts the nineteen the batch has not written yet.
        batch.add(at(0, new AlertRuleSet("darien", "org-a", "k20", "THRESHOLD", null, List.of("KIDNAPPING"), REPORTS,
                null, 7, null, null)));
        for (int i = 1; i <= REPORTS; i++) {
            batch.add(at(i, report("incident-" + i)));
        }

        assertThat(ProcessedBatch.of(evaluator, batch).isExceptional()).isFalse();

        assertThat(raised).singleElement().satisfies(raise -> {
            assertThat(raise.triggerPosition()).isEqualTo(REPORTS);
            assertThat(raise.incidentIds()).hasSize(REPORTS);
        });
        assertThat(Map.of("cells", writes.to(AlertState.CELLS), "incidents", writes.to(AlertState.INCIDENTS),
                "rules", writes.to(AlertState.RULES), "open", writes.to(AlertState.OPEN)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("cells", 1, "incidents", 1, "rules", 1, "open", 1));
        Document cell = mongo.database().getCollection(AlertState.CELLS)
                .find(new Document("_id", AlertState.cellId("darien", "jungle", LocalDate.of(2026, 11, 20))))
                .first();
        assertThat(cell.get("entries", Document.class)).hasSize(REPORTS);
        assertThat(mongo.database().getCollection(AlertState.INCIDENTS).countDocuments()).isEqualTo(REPORTS);
    }

    private static EventMessage<?> at(long position, Object event) {
        return GenericEventMessage.asEventMessage(event).andMetaData(Map.of(MetadataKeys.GLOBAL_POSITION, position));
    }

    private static IncidentReported report(String incidentId) {
        IncidentFacts facts = new IncidentFacts("KIDNAPPING", null, "2026-11-20", "DAY", "2026-11-21", null, "darien",
                "jungle", null, null, null, null, null, null, null);
        return new IncidentReported(incidentId, "org-a", "maria", null, "fp-" + incidentId, facts, "NETWORK");
    }
}
