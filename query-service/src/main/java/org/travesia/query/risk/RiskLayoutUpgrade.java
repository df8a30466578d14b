package org.travesia.query.risk;

import java.time.Duration;
import java.util.List;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.travesia.platform.axon.ProcessingProperties;

/**
 * Brings a store written by an older build to this build's layout of the buckets ({@link RiskBuckets}): one document
 * per route, segment and period, holding totals per organisation and sharing key weighed by this build's severities.
 * At start, before the processors run, if the store holds buckets of an older layout (the collections of an older
 * build, {@link RiskBuckets#OLDER_LAYOUT}, or bucket documents without this build's layout mark), {@code route-risk} is
 * set to replay from the first event (its reset handler empties the buckets and the incidents' states, its parked
 * events are cleared, as an operator's replay does), and only then are the older collections dropped and the layout
 * marked. A store with no
 * buckets is marked at once. The view is never summed from a mix of the two: until the replay has passed the
 * processor's old position it answers from what it has replayed so far, as after any replay. The replay is recorded as
 * pending before the reset empties anything ({@link RiskBuckets#markReplayPending}): Axon runs the reset handler before
 * it stores the replay tokens, with no transaction around the two, so a crash in between leaves empty buckets and the
 * tokens where they were, and only that record says a replay is still needed. A crash anywhere before the mark, or a
 * refusal to start, replays again at the next start.
 * <p>
 * The replay takes every segment's token. Claims a dead instance left (a crash, a kill) are taken over once they time
 * out, as every processor takes them over, so the replay waits up to the claim timeout and a little more; a claim
 * still held after that is a live instance's (its heartbeats renew it), and this one then refuses to start, saying
 * so, rather than leave that instance projecting into a store it would then clear.
 */
@Component
class RiskLayoutUpgrade {

    private static final Logger log = LoggerFactory.getLogger(RiskLayoutUpgrade.class);

    /** Just before the event processors start, which Axon does at {@link Phase#INBOUND_EVENT_CONNECTORS}. */
    private static final int BEFORE_PROCESSORS_START = Phase.INBOUND_EVENT_CONNECTORS - 1;

    /** How often the replay tries again for claims that have not timed out yet. */
    private static final Duration CLAIM_RETRY = Duration.ofMillis(500);

    @Bean
    static ConfigurerModule replayOfRouteRiskOverTheOlderLayout(ObjectProvider<RiskBuckets> buckets,
                                                                ObjectProvider<ProcessingProperties> processing) {
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(BEFORE_PROCESSORS_START,
                () -> upgrade(configuration, buckets.getObject(), processing.getObject().claimTimeout())));
    }

    private static void upgrade(Configuration configuration, RiskBuckets buckets, Duration claimTimeout) {
        if (!buckets.holdOlderLayout()) {
            buckets.markLayout();
            return;
        }
        buckets.markReplayPending();
        String name = RiskProjection.PROCESSING_GROUP;
        StreamingEventProcessor processor = configuration.eventProcessingConfiguration()
                .eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
        // A claim renewed by no heartbeat is free after the timeout; twice that leaves room for a slow start.
        long giveUpAt = System.nanoTime() + claimTimeout.multipliedBy(2).plus(CLAIM_RETRY).toNanos();
        while (true) {
            try {
                // From before the first position, as an operator's replay sets it (ProcessorAdministration).
                processor.resetTokens(source -> GapAwareTrackingToken.newInstance(0, List.of()));
                break;
            } catch (UnableToClaimTokenException claimed) {
                if (System.nanoTime() - giveUpAt >= 0) {
                    throw new IllegalStateException("The risk buckets are in the layout of an older build and " + name
                            + " must replay into the new one, but another instance holds its segments: stop every "
                            + "query-service instance, then start one", claimed);
                }
                log.info("Processor {} must replay into the new risk buckets and a claim on it has not timed out yet; "
                        + "trying again", name);
                pause();
            }
        }
        configuration.eventProcessingConfiguration().deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
        buckets.dropOlderLayout();
        buckets.markLayout();
        log.info("Risk buckets of an older layout found: processor {} replays into this build's", name);
    }

    private static void pause() {
        try {
            Thread.sleep(CLAIM_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a claim on route-risk to time out", e);
        }
    }
}
