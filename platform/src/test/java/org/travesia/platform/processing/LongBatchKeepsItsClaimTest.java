package org.travesia.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testapp.StepLedger;
import org.travesia.platform.testapp.StepTally;
import org.travesia.platform.testapp.TakeSteps;
import org.travesia.platform.testapp.WalkerApplication;
import org.travesia.platform.viewwrites.ViewWritesPerBatch;

/**
 * A batch that takes longer than the claim timeout keeps its segment: a standby instance does not take it over in
 * the middle and count the batch a second time ({@link ClaimKeptThroughTheBatch}).
 */
class LongBatchKeepsItsClaimTest {

    /** One segment, a claim of 2 s, and 100 ms per event: a batch of 100 takes five times the claim timeout. */
    private static final String[] READER = {"walks.projection.enabled=true", "walks.tally.enabled=true",
            "walks.slow-commits=false", "walks.handling-time=100ms", "travesia.processing.segments=1",
            "travesia.processing.claim-timeout=2s", "travesia.event-store.fetch-delay=20ms"};
    private static final String WALKER = "walker-long";

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
    void aStandbyInstanceDoesNotTakeOverABatchLongerThanTheClaim() {
        first = WalkerApplication.start(mongo.uri(), READER);
        await().atMost(Duration.ofSeconds(30)).until(() -> claimed(first) == 1);
        second = WalkerApplication.start(mongo.uri(), READER);
        await().atMost(Duration.ofSeconds(30)).until(() -> processor(second).isRunning());

        CommandGateway commands = first.getBean(CommandGateway.class);
        // One commit of 100 steps is one batch of 100 (the default batch size), then one more batch of one.
        commands.sendAndWait(new TakeSteps(WALKER, 100));
        commands.sendAndWait(new TakeSteps(WALKER, 1));

        StepTally tally = first.getBean(StepTally.class);
        await().atMost(Duration.ofSeconds(90)).until(() -> tally.counted(WALKER) >= 101);

        StepLedger a = first.getBean(StepLedger.class);
        StepLedger b = second.getBean(StepLedger.class);
        assertThat(b.deliveries()).as("events the standby instance handled").isZero();
        assertThat(claimed(second)).as("segments the standby instance holds").isZero();
        assertThat(a.deliveries()).isEqualTo(101);
        assertThat(a.duplicates()).isEmpty();
        assertThat(tally.counted(WALKER)).as("steps counted").isEqualTo(101);
    }

    @Test
    void theClaimIsCheckedInsideTheBatchWritesFlush() {
        first = WalkerApplication.start(mongo.uri(), READER);
        List<MessageHandlerInterceptor<?>> interceptors = List.copyOf(processor(first).getHandlerInterceptors());
        int flush = indexOf(interceptors, ViewWritesPerBatch.class);
        int claim = indexOf(interceptors, ClaimKeptThroughTheBatch.class);
        assertThat(flush).as("ViewWritesPerBatch is registered").isNotNegative();
        assertThat(claim).as("the claim's check runs inside the flush's interceptor, so before the flush")
                .isGreaterThan(flush);
    }

    private static int indexOf(List<MessageHandlerInterceptor<?>> interceptors, Class<?> type) {
        for (int i = 0; i < interceptors.size(); i++) {
            if (type.isInstance(interceptors.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static TrackingEventProcessor processor(ConfigurableApplicationContext context) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(StepLedger.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
    }

    private static int claimed(ConfigurableApplicationContext context) {
        return ((StreamingEventProcessor) processor(context)).processingStatus().size();
    }
}
