package org.travesia.ops.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.travesia.platform.testing.RunningService;

/**
 * Replays a processor of a running service from the first event, as an operator's reset does, and waits until it has
 * passed the position it was at (Axon calls a processor replaying until an event beyond that position arrives).
 */
final class Replays {

    private Replays() {
    }

    static void replay(RunningService service, String processorName) {
        TrackingEventProcessor processor = service.bean(EventProcessingConfiguration.class)
                .eventProcessor(processorName, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(status -> status.isCaughtUp()
                && (!status.isReplaying() || status.getCurrentPosition().orElse(-1)
                >= status.getResetPosition().orElse(Long.MAX_VALUE))));
    }
}
