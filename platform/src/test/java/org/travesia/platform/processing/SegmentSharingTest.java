package org.travesia.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.travesia.platform.testapp.WalkerInstances.claimed;

import java.time.Duration;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.travesia.platform.testapp.StepLedger;
import org.travesia.platform.testapp.TakeSteps;
import org.travesia.platform.testapp.WalkerInstances;

/** Two instances of a reading service split a processor's segments through the token store, and share the work. */
class SegmentSharingTest {

    private final WalkerInstances instances = new WalkerInstances();

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void twoInstancesEachClaimHalfTheSegmentsAndTogetherProjectEveryEventOnce() {
        String[] reader = {"walks.projection.enabled=true", "walks.slow-commits=false",
                "travesia.processing.segments=4", "travesia.processing.max-claimed-segments=2",
                "travesia.event-store.fetch-delay=20ms"};
        ConfigurableApplicationContext first = instances.start(reader);
        ConfigurableApplicationContext second = instances.start(reader);
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
}
