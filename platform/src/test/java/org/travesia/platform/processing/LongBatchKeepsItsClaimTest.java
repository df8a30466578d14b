package org.travesia.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.travesia.platform.testapp.WalkerInstances.claimed;
import static org.travesia.platform.testapp.WalkerInstances.processor;

import java.time.Duration;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.travesia.platform.testapp.StepLedger;
import org.travesia.platform.testapp.StepTally;
import org.travesia.platform.testapp.TakeSteps;
import org.travesia.platform.testapp.WalkerInstances;
import org.travesia.platform.viewwrites.ViewWritesPerBatch;

/**
 * A batch that takes longer than the claim timeout keeps its segment: a standby instance does not take it over in
 * the middle and count the batch a second time ({@link ClaimKeptThroughTheBatch}). And a batch whose instance stalled
 * until a standby took the segment over stops when it wakes, with none of its writes sent.
 */
class LongBatchKeepsItsClaimTest {

    /** One segment, a claim of 4 s, and 150 ms per event: a batch of 100 takes almost four times the claim timeout. */
    private static final String[] READER = {"walks.projection.enabled=true", "walks.tally.enabled=true",
            "walks.slow-commits=false", "walks.handling-time=150ms", "travesia.processing.segments=1",
            "travesia.processing.claim-timeout=4s", "travesia.event-store.fetch-delay=20ms"};
    /**
     * An instance that stalls at step 50 for four times the claim timeout: long enough for a standby, which tries to
     * claim every 5 s, to take the segment over before it wakes.
     */
    private static final String[] STALLS = {"walks.projection.enabled=true", "walks.tally.enabled=true",
            "walks.slow-commits=false", "walks.stall-at-step=50", "walks.stall-time=16s",
            "travesia.processing.segments=1", "travesia.processing.claim-timeout=4s",
            "travesia.event-store.fetch-delay=20ms"};
    private static final String[] STANDBY = {"walks.projection.enabled=true", "walks.tally.enabled=true",
            "walks.slow-commits=false", "travesia.processing.segments=1", "travesia.processing.claim-timeout=4s",
            "travesia.event-store.fetch-delay=20ms"};
    private static final String WALKER = "walker-long";

    private final WalkerInstances instances = new WalkerInstances();

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void aStandbyInstanceDoesNotTakeOverABatchLongerThanTheClaim() {
        ConfigurableApplicationContext first = instances.start(READER);
        await().atMost(Duration.ofSeconds(30)).until(() -> claimed(first) == 1);
        ConfigurableApplicationContext second = instances.start(READER);
        await().atMost(Duration.ofSeconds(30)).until(() -> processor(second).isRunning());

        CommandGateway commands = first.getBean(CommandGateway.class);
        // One commit of 100 steps: handled in a batch of up to 100 events (the default batch size), about 15 s long.
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
    void aBatchThatLostItsClaimWhileItsInstanceStalledSendsNoneOfItsWrites() {
        ConfigurableApplicationContext first = instances.start(STALLS);
        await().atMost(Duration.ofSeconds(30)).until(() -> claimed(first) == 1);
        ConfigurableApplicationContext second = instances.start(STANDBY);
        await().atMost(Duration.ofSeconds(30)).until(() -> processor(second).isRunning());

        CommandGateway commands = first.getBean(CommandGateway.class);
        commands.sendAndWait(new TakeSteps(WALKER, 100));
        commands.sendAndWait(new TakeSteps(WALKER, 1));

        StepTally tally = first.getBean(StepTally.class);
        await().atMost(Duration.ofSeconds(120)).until(() -> claimed(second) == 1 && claimed(first) == 0
                && tally.counted(WALKER) >= 101);

        StepLedger a = first.getBean(StepLedger.class);
        StepLedger b = second.getBean(StepLedger.class);
        assertThat(tally.counted(WALKER)).as("steps counted").isEqualTo(101);
        // The stalled batch need not start at step 0: Axon's event store hands a stream its events one by one, and an
        // earlier batch may have taken the commit's first steps (one run's 51 and 100 deliveries, with 101 counted, fit
        // step 0 alone in a batch of its own).
        assertThat(a.lastStep(WALKER)).as("the stalled instance handled nothing after its stall").isEqualTo(50L);
        assertThat(b.lastStep(WALKER)).as("the standby handled the rest").isEqualTo(100L);
        assertThat(instances.mongo().database().getCollection("dead_letters").countDocuments()).as("events parked")
                .isZero();
    }

    @Test
    void theClaimIsCheckedInsideTheBatchWritesFlush() {
        ConfigurableApplicationContext first = instances.start(READER);
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
}
