package org.travesia.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.processing.admin.ProcessorAdministration;
import org.travesia.platform.testapp.StepLedger;
import org.travesia.platform.testapp.TakeSteps;
import org.travesia.platform.testapp.WalkerApplication;

/**
 * A replay asked for before a processor has handled anything (a fresh installation, an operator trying the button)
 * stored a null token, which the token store refuses with a NullPointerException: a 500. It now starts the processor
 * from the first position like any other replay.
 */
class ReplayOfAnEmptyStoreTest {

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
    void aReplayBeforeAnyEventStartsFromTheFirstPositionAndProjectsWhatComesLater() {
        app = WalkerApplication.start(mongo.uri(), "walks.projection.enabled=true", "walks.slow-commits=false",
                "travesia.event-store.fetch-delay=20ms");
        StreamingEventProcessor processor = app.getBean(EventProcessingConfiguration.class)
                .eventProcessor(StepLedger.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> !processor.processingStatus().isEmpty());

        new ProcessorAdministration(app.getBean(EventProcessingConfiguration.class)).replay(StepLedger.PROCESSING_GROUP);

        app.getBean(CommandGateway.class).sendAndWait(new TakeSteps("after", 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> app.getBean(StepLedger.class).stored() == 2);
        assertThat(processor.isRunning()).isTrue();
    }
}
