package org.travesia.platform.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.travesia.eventstore.EventStoreCollections;
import org.travesia.eventstore.InconsistentStoreException;
import org.travesia.eventstore.StorePositions;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testapp.StepLedger;
import org.travesia.platform.testapp.TakeSteps;
import org.travesia.platform.testapp.WalkerApplication;

import com.mongodb.WriteConcern;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * A service refuses to start on a store that a crash left inconsistent, and says what to run. The inconsistencies
 * are made by hand here, as a store that persisted some collections newer than others would leave them.
 */
class StartupConsistencyTest {

    private static final String[] READER = {"walks.projection.enabled=true", "walks.slow-commits=false",
            "travesia.event-store.fetch-delay=20ms"};
    private static final int WALKERS = 10;
    private static final int STEPS = 3;

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private final EventStoreCollections collections = new EventStoreCollections(mongo.database(), WriteConcern.ACKNOWLEDGED);
    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        mongo.close();
    }

    @Test
    void aServiceWillNotStartWhileACommitSitsAboveThePositionCounter() {
        walkAndProject();
        mongo.database().getCollection(EventStoreCollections.COUNTERS).updateOne(Filters.eq("_id", "global"), Updates.inc("last", -5L));

        InconsistentStoreException refused = refusedStart();

        assertThat(refused.problem()).contains("position counter").contains("at " + (WALKERS * STEPS - 5));
        assertThat(refused.repair()).isEqualTo("./ops/repair-store raise-counter");

        StorePositions positions = new StorePositions(collections);
        positions.raiseCounterTo(positions.highestOccupiedByScan());
        service = WalkerApplication.start(mongo.uri(), READER);
        service.getBean(CommandGateway.class).sendAndWait(new TakeSteps("after-repair", 1));
        StepLedger ledger = service.getBean(StepLedger.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.stored() == WALKERS * STEPS + 1);
    }

    @Test
    void aProcessorWhoseTokenIsBeyondTheStoredEventsIsNotStarted() {
        walkAndProject();
        // The last commits lost, their tokens kept: what the stock embedded store could leave after a crash.
        mongo.database().getCollection(EventStoreCollections.EVENTS).deleteMany(Filters.gt("_id", (long) WALKERS * STEPS - 2 * STEPS));

        InconsistentStoreException refused = refusedStart();

        assertThat(refused.problem()).contains("Processor '" + StepLedger.PROCESSING_GROUP + "'")
                .contains("token at position " + WALKERS * STEPS)
                .contains("highest position stored (" + (WALKERS * STEPS - 2 * STEPS) + ")");
        assertThat(refused.repair()).isEqualTo("./ops/repair-store reset-processor " + StepLedger.PROCESSING_GROUP);
    }

    @Test
    void aRefusalIsReportedAsWhatIsWrongAndWhatToRun() {
        InconsistentStoreException refused = new InconsistentStoreException("The counter is behind.", "./ops/repair-store raise-counter");
        FailureAnalysis analysis = new InconsistentStoreFailureAnalyzer().analyze(new IllegalStateException(refused));
        assertThat(analysis.getDescription()).isEqualTo("The counter is behind.");
        assertThat(analysis.getAction()).startsWith("Stop both services, then run: ./ops/repair-store raise-counter");
    }

    private void walkAndProject() {
        service = WalkerApplication.start(mongo.uri(), READER);
        CommandGateway commands = service.getBean(CommandGateway.class);
        for (int walker = 0; walker < WALKERS; walker++) {
            commands.sendAndWait(new TakeSteps("walker-" + walker, STEPS));
        }
        StepLedger ledger = service.getBean(StepLedger.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.stored() == WALKERS * STEPS);
        service.close();
        service = null;
    }

    /** Starts the service, expecting a refusal, and returns what it was refused for. */
    private InconsistentStoreException refusedStart() {
        Throwable thrown = catchThrowable(() -> service = WalkerApplication.start(mongo.uri(), READER));
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof InconsistentStoreException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("refused for an inconsistent store, but got %s", thrown)
                .isInstanceOf(InconsistentStoreException.class);
        return (InconsistentStoreException) cause;
    }
}
