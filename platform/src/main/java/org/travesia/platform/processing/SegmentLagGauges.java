package org.travesia.platform.processing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.travesia.eventstore.MongoEventStorageEngine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How far behind each segment of each processor is, for the segments this instance holds, in events and in seconds:
 * <ul>
 * <li>{@code travesia_processor_segment_lag_events}: positions between the highest position holding an event and the
 * segment's token (tombstones and positions allocated but never written are not lag);</li>
 * <li>{@code travesia_processor_segment_lag_seconds}: the age of the first event after the segment's token, that is
 * of the oldest event the segment has not passed yet (0 when it has passed everything). A stuck segment's lag in
 * seconds grows with the clock even when nothing new arrives; a segment that is merely busy shows how old the event it
 * works towards is.</li>
 * </ul>
 * Instances share segments through token claims, so each reports only the segments it holds: the gauges are added and
 * removed as claims move (looked at every {@value #REFRESH_SECONDS} s, in memory). Values are read from the store when
 * scraped.
 */
public class SegmentLagGauges implements MeterBinder, SmartLifecycle {

    static final String LAG_EVENTS = "travesia.processor.segment.lag.events";
    static final String LAG_SECONDS = "travesia.processor.segment.lag.seconds";
    private static final long REFRESH_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(SegmentLagGauges.class);

    private final EventProcessingConfiguration processing;
    private final MongoEventStorageEngine storageEngine;
    private final Clock clock;
    private final Map<SegmentKey, List<Meter>> registered = new HashMap<>();
    private MeterRegistry registry;
    private ScheduledExecutorService refresher;

    public SegmentLagGauges(EventProcessingConfiguration processing, MongoEventStorageEngine storageEngine,
                            Clock clock) {
        this.processing = processing;
        this.storageEngine = storageEngine;
        this.clock = clock;
    }

    private record SegmentKey(String processor, int segment) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers gauges for the segments held now, and removes those of segments released since the last look. */
    synchronized void refresh() {
        if (registry == null) {
            return;
        }
        Set<SegmentKey> held = new HashSet<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                streaming.processingStatus().keySet()
                        .forEach(segment -> held.add(new SegmentKey(processor.getName(), segment)));
            }
        }
        registered.keySet().removeIf(key -> {
            if (held.contains(key)) {
                return false;
            }
            registered.get(key).forEach(registry::remove);
            return true;
        });
        for (SegmentKey key : held) {
            registered.computeIfAbsent(key, this::register);
        }
    }

    private List<Meter> register(SegmentKey key) {
        String segment = String.valueOf(key.segment());
        List<Meter> meters = new ArrayList<>();
        meters.add(Gauge.builder(LAG_EVENTS, key, this::lagInEvents).tag("processor", key.processor())
                .tag("segment", segment).description("Positions between the highest event and the segment's token")
                .strongReference(true).register(registry));
        meters.add(Gauge.builder(LAG_SECONDS, key, this::lagInSeconds).tag("processor", key.processor())
                .tag("segment", segment).baseUnit("seconds")
                .description("Age of the oldest event the segment has not passed yet").strongReference(true)
                .register(registry));
        return meters;
    }

    private double lagInEvents(SegmentKey key) {
        Long position = position(key);
        return position == null ? Double.NaN : Math.max(0, storageEngine.eventHeadPosition() - position);
    }

    private double lagInSeconds(SegmentKey key) {
        Long position = position(key);
        if (position == null) {
            return Double.NaN;
        }
        return storageEngine.firstRecordedAfter(position)
                .map(recordedAt -> Math.max(0, Duration.between(recordedAt, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }

    /** The segment's position, or null once this instance no longer holds it (until the next refresh removes it). */
    private Long position(SegmentKey key) {
        return processing.eventProcessor(key.processor(), StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().get(key.segment()))
                .map(EventTrackerStatus::getTrackingToken)
                .map(EventProcessorsEndpoint::position)
                .orElse(null);
    }

    @Override
    public synchronized void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processor-lag-gauges");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                // In memory only; never let one failed look end the schedule.
                log.warn("Could not refresh the segment lag gauges: {}", e.getClass().getName());
            }
        }, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return refresher != null;
    }
}
