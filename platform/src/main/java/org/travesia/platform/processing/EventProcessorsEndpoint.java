package org.travesia.platform.processing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.travesia.eventstore.MongoEventStorageEngine;

/**
 * {@code GET /actuator/eventprocessors}: for every event processor, where each segment this instance holds stands
 * (and, during a replay, the position the replay runs to), the store's head, the lag in events, the gaps still open
 * below each token and the age of the oldest, parked (dead-lettered) sequences, and errors. The head is the highest
 * position holding an event ({@link MongoEventStorageEngine#eventHeadPosition()}): tombstones and positions allocated
 * but not written count as no lag; {@code allocatedPosition} is the allocator's counter. An error is named by its type
 * only: messages can quote event content.
 */
@Endpoint(id = "eventprocessors")
public class EventProcessorsEndpoint {

    private final EventProcessingConfiguration processing;
    private final MongoEventStorageEngine storageEngine;

    public EventProcessorsEndpoint(EventProcessingConfiguration processing, MongoEventStorageEngine storageEngine) {
        this.processing = processing;
        this.storageEngine = storageEngine;
    }

    @ReadOperation
    public Map<String, Object> processors() {
        long head = storageEngine.eventHeadPosition();
        List<Map<String, Object>> processors = new ArrayList<>();
        for (EventProcessor processor : new TreeMap<>(processing.eventProcessors()).values()) {
            processors.add(describe(processor, head));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("headPosition", head);
        answer.put("allocatedPosition", storageEngine.headPosition());
        answer.put("fencedPositions", storageEngine.fencedPositions());
        answer.put("processors", processors);
        return answer;
    }

    private Map<String, Object> describe(EventProcessor processor, long head) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("name", processor.getName());
        description.put("running", processor.isRunning());
        description.put("error", processor.isError());
        if (processor instanceof StreamingEventProcessor streaming) {
            List<Map<String, Object>> segments = new ArrayList<>();
            long lowest = Long.MAX_VALUE;
            SortedSet<Long> openGaps = new TreeSet<>();
            for (Map.Entry<Integer, EventTrackerStatus> entry : new TreeMap<>(streaming.processingStatus()).entrySet()) {
                EventTrackerStatus status = entry.getValue();
                long position = position(status.getTrackingToken());
                lowest = Math.min(lowest, position);
                Map<String, Object> segment = new LinkedHashMap<>();
                segment.put("segment", entry.getKey());
                segment.put("position", position);
                segment.put("caughtUp", status.isCaughtUp());
                segment.put("replaying", replaying(status));
                segment.put("replayUntil", replaying(status) ? status.getResetPosition().getAsLong() : null);
                segment.put("error", status.isErrorState() ? status.getError().getClass().getName() : null);
                SortedSet<Long> gaps = gaps(status.getTrackingToken());
                segment.put("openGaps", gaps.size());
                segment.put("oldestGapSeconds", oldestGapSeconds(gaps));
                openGaps.addAll(gaps);
                segments.add(segment);
            }
            boolean holdsSegments = !segments.isEmpty();
            description.put("position", holdsSegments ? lowest : null);
            description.put("headPosition", head);
            description.put("lag", holdsSegments ? Math.max(0, head - lowest) : null);
            description.put("openGaps", holdsSegments ? openGaps.size() : null);
            description.put("oldestGapSeconds", holdsSegments ? oldestGapSeconds(openGaps) : null);
            description.put("segments", segments);
        }
        description.put("deadLetterSequences", EventProcessingMetrics.deadLetterSequences(processing, processor.getName()));
        return description;
    }

    /**
     * Whether the segment is still behind the position at which its replay was asked. Axon's own flag stays up after
     * that, until the first event past that position arrives, which on a quiet system can be hours.
     */
    static boolean replaying(EventTrackerStatus status) {
        OptionalLong resetAt = status.getResetPosition();
        OptionalLong at = status.getCurrentPosition();
        return status.isReplaying() && resetAt.isPresent() && (at.isEmpty() || at.getAsLong() < resetAt.getAsLong());
    }

    /** Seconds the oldest of the gaps has been open, as this instance's readers saw it; null without gaps. */
    private Double oldestGapSeconds(SortedSet<Long> gaps) {
        return storageEngine.openFor(gaps).map(age -> age.toMillis() / 1000.0).orElse(gaps.isEmpty() ? null : 0.0);
    }

    /** The positions below the token's index that it has not passed yet: allocated, neither written nor fenced. */
    static SortedSet<Long> gaps(TrackingToken token) {
        return WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                .<SortedSet<Long>>map(gapAware -> new TreeSet<>(gapAware.getGaps())).orElseGet(TreeSet::new);
    }

    static long position(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        OptionalLong position = token.position();
        return position.orElse(0);
    }
}
