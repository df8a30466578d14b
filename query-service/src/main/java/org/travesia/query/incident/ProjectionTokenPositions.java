package org.travesia.query.incident;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;
import org.travesia.eventstore.MongoEventStorageEngine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * How far the incident projection has got, from the tokens its segments have stored (every instance's, so it holds
 * with the segments spread over several instances), and how far the store has handed out positions.
 * <p>
 * Tokens are read straight from the token collection: fetching them through the token store would claim segments,
 * which is the processors' business.
 */
@Component
class ProjectionTokenPositions implements AppliedPositions {

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final MongoEventStorageEngine store;

    ProjectionTokenPositions(MongoTemplate axonMongoTemplate, Serializer serializer, MongoEventStorageEngine store) {
        this.tokens = axonMongoTemplate.trackingTokensCollection();
        this.serializer = serializer;
        this.store = store;
    }

    /**
     * The lowest, over the projection's segments, of the position below the first gap its token still waits for (or
     * of its index, without gaps). 0 before any segment stored a token. A replay's token counts where the replay has
     * got to.
     */
    @Override
    public long appliedUpTo() {
        long lowest = Long.MAX_VALUE;
        for (Document entry : tokens.find(Filters.eq("processorName", IncidentProjection.PROCESSING_GROUP))) {
            Binary token = entry.get("token", Binary.class);
            if (token == null) {
                return 0;
            }
            SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(token.getData(), byte[].class,
                    entry.getString("tokenType"), null);
            lowest = Math.min(lowest, appliedUpTo(serializer.deserialize(serialized)));
        }
        return lowest == Long.MAX_VALUE ? 0 : lowest;
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
}
