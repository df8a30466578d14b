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
import org.travesia.platform.testapp.StepLedger;
import org.travesia.platform.testapp.TakeSteps;
import org.travesia.platform.testapp.WalkerApplication;
import org.travesia.eventstore.testing.EmbeddedMongo;

/** Two instances of a reading service split a processor's segments through the token store, and share the work. */
class SegmentSharingTest {

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @AfterEach
    void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {first, second}) {
            if (context != null) {
                context.close();
            }
        }
        mongo.close();
    }

    @Test
    void twoInstancesEachClaimHalfTheSegmentsAndTogetherProjectEveryEventOnce() {
        String[] reader = {"walks.projection.enabled=true", "walks.slow-commits=false",
                "travesia.processing.segments=4", "travesia.processing.max-claimed-segments=2",
                "travesia.event-store.fetch-delay=20ms"};
        first = WalkerApplication.start(mongo.uri(), reader);
        second = WalkerApplication.start(mongo.uri(), reader);
        await().atMost(Duration.ofSeconds(30)).until(() -> claimed(first) == 2 && claimed(second) == 2);

        CommandGateway commands = first.getBean(CommandGateway.class);
        for (int walker = 0; walker < 200; walker++) {
            commands.sendAndWait(new TakeSteps("walker-" + walker, 5));
        }

        StepLedger a = first.getBean(StepLedger.class);
        StepLedger b = second.getBean(StepLedger.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> a.stored() == 1_000 && a.deliveries() + b.deliveries() == 1_000);
        assertThat(a.deliveries()).as("first instance did part of the work").isPositive();
        assertThat(b.deliveries()).as("second instance did part of the work").isPositive();
        assertThat(a.duplicates()).isEmpty();
        assertThat(b.duplicates()).isEmpty();
        assertThat(a.outOfOrder()).isEmpty();
        assertThat(b.outOfOrder()).isEmpty();
    }

    private static int claimed(ConfigurableApplicationContext context) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(StepLedger.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().size()).orElse(0);
    }
}
