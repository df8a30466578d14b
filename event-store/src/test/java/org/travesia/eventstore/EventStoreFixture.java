package org.travesia.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.travesia.eventstore.testing.EmbeddedMongo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.WriteConcern;

/** An engine on a fresh embedded store, plus a reader that remembers its token between reads. */
final class EventStoreFixture implements AutoCloseable {

    final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build()).build();
    final EventStoreCollections collections =
            new EventStoreCollections(mongo.database(), WriteConcern.ACKNOWLEDGED).ensureIndexes();
    final MongoEventStorageEngine engine;
    private TrackingToken readerToken;

    EventStoreFixture() {
        this(Duration.ofSeconds(10), AllocationListener.NONE);
    }

    EventStoreFixture(Duration gapTimeout, AllocationListener listener) {
        engine = MongoEventStorageEngine.builder()
                .collections(collections)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .gapTimeout(gapTimeout)
                .batchSize(50)
                .allocationListener(listener)
                .build();
    }

    /** Reads whatever is new since the last call, as a streaming processor would. */
    List<TrackedEventMessage<?>> readNew() {
        List<TrackedEventMessage<?>> read = engine.readEvents(readerToken, false).collect(Collectors.toList());
        if (!read.isEmpty()) {
            readerToken = read.get(read.size() - 1).trackingToken();
        }
        return read;
    }

    GapAwareTrackingToken readerToken() {
        return (GapAwareTrackingToken) readerToken;
    }

    List<Long> sequencesOf(String aggregateId) {
        List<Long> sequences = new ArrayList<>();
        engine.readEvents(aggregateId).asStream().map(DomainEventMessage::getSequenceNumber).forEach(sequences::add);
        return sequences;
    }

    static String aggregateOf(TrackedEventMessage<?> event) {
        return ((TestEvents.Stepped) event.getPayload()).aggregateId();
    }

    @Override
    public void close() {
        mongo.close();
    }
}
