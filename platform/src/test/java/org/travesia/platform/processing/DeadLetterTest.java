package org.travesia.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.travesia.platform.testapp.StepLedger;
import org.travesia.platform.testapp.TakeSteps;
import org.travesia.platform.testapp.WalkerApplication;
import org.travesia.eventstore.testing.EmbeddedMongo;

import io.micrometer.core.instrument.MeterRegistry;

class DeadLetterTest {

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        mongo.close();
    }

    @Test
    void aFailingEventParksItsWholeSequenceVisiblyWhileOthersCarryOn() {
        app = WalkerApplication.start(mongo.uri(), "walks.projection.enabled=true", "walks.slow-commits=false",
                "travesia.event-store.fetch-delay=20ms");
        CommandGateway commands = app.getBean(CommandGateway.class);
        StepLedger ledger = app.getBean(StepLedger.class);

        commands.sendAndWait(new TakeSteps("ok-1", 2));
        commands.sendAndWait(new TakeSteps(StepLedger.POISON + "1", 1));
        commands.sendAndWait(new TakeSteps(StepLedger.POISON + "1", 2));
        commands.sendAndWait(new TakeSteps("ok-2", 3));

        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.stored() == 5);
        EventProcessorsEndpoint endpoint = app.getBean(EventProcessorsEndpoint.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetterSequences(endpoint) == 1L);

        MeterRegistry metrics = app.getBean(MeterRegistry.class);
        assertThat(metrics.get("travesia.processor.dead.letter.sequences").tag("processor", StepLedger.PROCESSING_GROUP)
                .gauge().value()).isEqualTo(1.0);
        assertThat(ledger.stored()).as("the healthy walkers were all projected").isEqualTo(5);
        assertThat(mongo.database().getCollection("dead_letters").countDocuments())
                .as("the poisoned walker's three events are all parked, none skipped").isEqualTo(3);
    }

    @SuppressWarnings("unchecked")
    private static long deadLetterSequences(EventProcessorsEndpoint endpoint) {
        List<Map<String, Object>> processors = (List<Map<String, Object>>) endpoint.processors().get("processors");
        return processors.stream().filter(p -> StepLedger.PROCESSING_GROUP.equals(p.get("name")))
                .map(p -> (Long) p.get("deadLetterSequences")).findFirst().orElse(-1L);
    }
}
