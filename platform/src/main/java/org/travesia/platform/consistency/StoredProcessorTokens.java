package org.travesia.platform.consistency;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * The tokens a processor has stored, read straight from the token collection: reading them through the token store
 * would claim the segments, which is the processors' business, not a start-up check's.
 */
final class StoredProcessorTokens {

    /** One segment's stored progress: the furthest position its token says was handled. */
    record SegmentPosition(String processor, int segment, long position) {
    }

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;

    StoredProcessorTokens(MongoCollection<Document> tokens, Serializer serializer) {
        this.tokens = tokens;
        this.serializer = serializer;
    }

    List<SegmentPosition> of(String processor) {
        List<SegmentPosition> positions = new ArrayList<>();
        for (Document entry : tokens.find(Filters.eq("processorName", processor))) {
            Binary token = entry.get("token", Binary.class);
            if (token != null) {
                SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(token.getData(), byte[].class,
                        entry.getString("tokenType"), null);
                TrackingToken stored = serializer.deserialize(serialized);
                positions.add(new SegmentPosition(processor, entry.getInteger("segment"), furthest(stored)));
            }
        }
        return positions;
    }

    /** A replay token counts up to where the processor had been before the reset. */
    private static long furthest(TrackingToken token) {
        TrackingToken upper = WrappedToken.unwrapUpperBound(token);
        return upper == null ? 0 : upper.position().orElse(0);
    }
}
