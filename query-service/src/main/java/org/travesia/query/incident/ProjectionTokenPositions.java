package org.travesia.query.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.travesia.eventstore.MongoEventStorageEngine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * How far the incident projection has got, over all its segments, and how far the store has handed out positions.
 * <p>
 * A segment this instance processes counts where its processor says it is (the token it advanced to once a batch was
 * handled); another segment, where the token stored for it says (another instance's, read straight from the token
 * collection: fetching it through the token store would claim it). Stored tokens are written lazily, a few seconds
 * behind, so with segments spread over several instances a snapshot is pinned up to that much earlier: still one
 * consistent position, only not the newest.
 */
@Component
class ProjectionTokenPositions implements AppliedPositions {

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final MongoEventStorageEngine store;
    private final ObjectProvider<EventProcessingConfiguration> processing;

    ProjectionTokenPositions(MongoTemplate axonMongoTemplate, Serializer serializer, MongoEventStorageEngine store,
                             ObjectProvider<EventProcessingConfiguration> processing) {
        this.tokens = axonMongoTemplate.trackingTokensCollection();
        this.serializer = serializer;
        this.store = store;
        this.processing = processing;
    }

    /**
     * The lowest, over the projection's segments, of the position below the first gap its token still waits for (or
     * of its index, without gaps). 0 before any segment stored a token. A replay's token counts where the replay has
     * got to.
     */
    @Override
    public long appliedUpTo() {
        long lowest = Long.MAX_VALUE;
        for (TrackingToken token : segmentTokens()) {
            if (token == null) {
                return 0;
            }
            lowest = Math.min(lowest, appliedUpTo(token));
        }
        return lowest == Long.MAX_VALUE ? 0 : lowest;
    }

    @Override
    public boolean replaying() {
        return segmentTokens().stream().anyMatch(ReplayToken.class::isInstance);
    }

    /** Each segment's token: where this instance's processor is, or as stored for a segment it does not process. */
    private List<TrackingToken> segmentTokens() {
        Map<Integer, EventTrackerStatus> here = processing.getObject()
                .eventProcessor(IncidentProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        List<TrackingToken> segments = new ArrayList<>();
        for (Document entry : tokens.find(Filters.eq("processorName", IncidentProjection.PROCESSING_GROUP))) {
            EventTrackerStatus status = here.get(entry.getInteger("segment"));
            segments.add(status != null && status.getTrackingToken() != null ? status.getTrackingToken()
                    : stored(entry));
        }
        return segments;
    }

    private TrackingToken stored(Document entry) {
        Binary token = entry.get("token", Binary.class);
        if (token == null) {
            return null;
        }
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(token.getData(), byte[].class,
                entry.getString("tokenType"), null);
        return serializer.deserialize(serialized);
    }

    static long appliedUpTo(TrackingToken stored) {
        TrackingToken token = WrappedToken.unwrapLowerBound(stored);
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getGaps().isEmpty() ? gapAware.getIndex() : gapAware.getGaps().first() - 1;
        }
        return token == null ? 0 : token.position().orElse(0);
    }

    @Override
    public long allocatedUpTo() {
        return store.headPosition();
    }

    @Override
    public long eventHead() {
        return store.eventHeadPosition();
    }
}
