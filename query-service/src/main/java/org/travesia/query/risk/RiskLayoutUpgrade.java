package org.travesia.query.risk;

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

/**
 * Brings a store written by a build that kept one bucket document per route and period to the layout of one per
 * route, segment and period ({@link RiskBuckets}): at start, before the processors run, if the older layout's
 * collections are there, {@code route-risk} is set to replay from the first event (its reset handler empties this
 * layout and the incidents' states, its parked events are cleared, as an operator's replay does), and only then are
 * the older collections dropped. The view is never summed from a mix of the two: until the replay has passed the
 * processor's old position it answers from what it has replayed so far, as after any replay. A crash before the drop
 * finds the older collections again at the next start, and replays again.
 * <p>
 * The replay takes every segment's token: with another instance of query-service running the processor, this one
 * refuses to start, saying so, rather than leave that instance projecting into a store it would then clear.
 */
@Component
class RiskLayoutUpgrade {

    private static final Logger log = LoggerFactory.getLogger(RiskLayoutUpgrade.class);

    /** Just before the event processors start, which Axon does at {@link Phase#INBOUND_EVENT_CONNECTORS}. */
    private static final int BEFORE_PROCESSORS_START = Phase.INBOUND_EVENT_CONNECTORS - 1;

    @Bean
    static ConfigurerModule replayOfRouteRiskOverTheOlderLayout(ObjectProvider<RiskBuckets> buckets) {
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(BEFORE_PROCESSORS_START,
                () -> upgrade(configuration, buckets.getObject())));
    }

    private static void upgrade(Configuration configuration, RiskBuckets buckets) {
        if (!buckets.holdOlderLayout()) {
            return;
        }
        String name = RiskProjection.PROCESSING_GROUP;
        StreamingEventProcessor processor = configuration.eventProcessingConfiguration()
                .eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
        try {
            // From before the first position, as an operator's replay sets it (ProcessorAdministration).
            processor.resetTokens(source -> GapAwareTrackingToken.newInstance(0, List.of()));
        } catch (UnableToClaimTokenException claimedElsewhere) {
            throw new IllegalStateException("The risk buckets are in the layout of an older build and " + name
                    + " must replay into the new one, but another instance holds its segments: stop every "
                    + "query-service instance, then start one", claimedElsewhere);
        }
        configuration.eventProcessingConfiguration().deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
        buckets.dropOlderLayout();
        log.info("Risk buckets of the older layout found: processor {} replays into buckets per segment", name);
    }
}
