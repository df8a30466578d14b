package org.travesia.platform.processing;

import java.util.SortedSet;
import java.util.TreeSet;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.travesia.eventstore.MongoEventStorageEngine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Prometheus gauges for what an operator watches: the store's head, each processor's lag (from the highest position
 * holding an event), its open gaps and the age of the oldest, and parked sequences, how
 * many positions readers had to fence, and how many of a processor's segments exist and how many this instance holds
 * (summed over the instances, a shortfall is segments nobody projects).
 */
public class EventProcessingMetrics implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final MongoEventStorageEngine storageEngine;
    private final TokenStore tokenStore;

    public EventProcessingMetrics(EventProcessingConfiguration processing, MongoEventStorageEngine storageEngine,
                                  TokenStore tokenStore) {
        this.processing = processing;
        this.storageEngine = storageEngine;
        this.tokenStore = tokenStore;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("travesia.eventstore.head.position", storageEngine, MongoEventStorageEngine::headPosition)
                .description("Highest global position allocated").register(registry);
        Gauge.builder("travesia.eventstore.fenced.positions", storageEngine, MongoEventStorageEngine::fencedPositions)
                .description("Positions fenced by this instance's readers since start").register(registry);
        for (EventProcessor processor : processing.eventProcessors().values()) {
            String name = processor.getName();
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("travesia.processor.lag", streaming, p -> lag(p, storageEngine.eventHeadPosition()))
                        .tag("processor", name).description("Events between the head and the slowest held segment")
                        .register(registry);
                Gauge.builder("travesia.processor.gaps.open", streaming, p -> openGaps(p).size())
                        .tag("processor", name).description("Positions below the held segments' tokens still open")
                        .register(registry);
                Gauge.builder("travesia.processor.gaps.oldest", streaming, p -> storageEngine.openFor(openGaps(p))
                                .map(age -> age.toMillis() / 1000.0).orElse(0.0))
                        .tag("processor", name).baseUnit("seconds")
                        .description("How long the oldest open gap below a held segment's token has been open")
                        .register(registry);
                Gauge.builder("travesia.processor.segments.claimed", streaming, p -> p.processingStatus().size())
                        .tag("processor", name).description("Segments of the processor this instance holds")
                        .register(registry);
                Gauge.builder("travesia.processor.segments", tokenStore, store -> store.fetchSegments(name).length)
                        .tag("processor", name).description("Segments of the processor in the token store")
                        .register(registry);
            }
            Gauge.builder("travesia.processor.dead.letter.sequences", processing,
                            p -> deadLetterSequences(p, name))
                    .tag("processor", name).description("Sequences parked after a handler failed")
                    .register(registry);
            Gauge.builder("travesia.processor.error", processor, p -> p.isError() ? 1 : 0)
                    .tag("processor", name).description("1 while the processor is in error").register(registry);
        }
    }

    static double lag(StreamingEventProcessor processor, long head) {
        return processor.processingStatus().values().stream()
                .mapToLong(status -> EventProcessorsEndpoint.position(status.getTrackingToken()))
                .min()
                .stream()
                .map(position -> Math.max(0, head - position))
                .findFirst()
                .orElse(0);
    }

    static SortedSet<Long> openGaps(StreamingEventProcessor processor) {
        SortedSet<Long> gaps = new TreeSet<>();
        processor.processingStatus().values()
                .forEach(status -> gaps.addAll(EventProcessorsEndpoint.gaps(status.getTrackingToken())));
        return gaps;
    }

    static long deadLetterSequences(EventProcessingConfiguration processing, String processingGroup) {
        return processing.deadLetterQueue(processingGroup).map(queue -> queue.amountOfSequences()).orElse(0L);
    }
}
