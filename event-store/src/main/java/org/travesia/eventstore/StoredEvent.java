package org.travesia.eventstore;

import java.time.Instant;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

/**
 * One event as stored inside a commit document. Payload and metadata are the serializer's JSON, kept as strings so
 * that what was written is exactly what is read back.
 */
record StoredEvent(long position, String eventId, String timestamp, String payloadType, String payloadRevision,
                   String payload, String metaData, String aggregateType, String aggregateId, Long sequenceNumber) {

    boolean isDomainEvent() {
        return aggregateId != null;
    }

    String aggregateKey() {
        return aggregateKey(aggregateId, sequenceNumber);
    }

    static String aggregateKey(String aggregateId, long sequenceNumber) {
        // The sequence follows the last '#', so ids that contain '#' stay unambiguous.
        return aggregateId + "#" + sequenceNumber;
    }

    Document toDocument() {
        Document d = new Document("position", position)
                .append("eventId", eventId)
                .append("timestamp", timestamp)
                .append("payloadType", payloadType)
                .append("payloadRevision", payloadRevision)
                .append("payload", payload)
                .append("metaData", metaData);
        if (isDomainEvent()) {
            d.append("aggregateType", aggregateType)
                    .append("aggregateId", aggregateId)
                    .append("sequenceNumber", sequenceNumber);
        }
        return d;
    }

    static StoredEvent fromDocument(Document d) {
        Number seq = (Number) d.get("sequenceNumber");
        return new StoredEvent(((Number) d.get("position")).longValue(), d.getString("eventId"),
                d.getString("timestamp"), d.getString("payloadType"), d.getString("payloadRevision"),
                d.getString("payload"), d.getString("metaData"), d.getString("aggregateType"),
                d.getString("aggregateId"), seq == null ? null : seq.longValue());
    }

    DomainEventData<String> asDomainEventData() {
        return new GenericDomainEventEntry<>(aggregateType, aggregateId, sequenceNumber, eventId, timestamp,
                payloadType, payloadRevision, payload, metaData);
    }

    TrackedEventData<String> tracked(TrackingToken token) {
        if (isDomainEvent()) {
            return new TrackedDomainEventData<>(token, asDomainEventData());
        }
        return new TrackedNonDomainEvent(token, this);
    }

    /** An event that belongs to no aggregate (for example one published by an event handler). */
    private record TrackedNonDomainEvent(TrackingToken token, StoredEvent event) implements TrackedEventData<String> {

        @Override
        public TrackingToken trackingToken() {
            return token;
        }

        @Override
        public String getEventIdentifier() {
            return event.eventId();
        }

        @Override
        public Instant getTimestamp() {
            return Instant.parse(event.timestamp());
        }

        @Override
        public SerializedObject<String> getMetaData() {
            return new SimpleSerializedObject<>(event.metaData(), String.class,
                    org.axonframework.messaging.MetaData.class.getName(), null);
        }

        @Override
        public SerializedObject<String> getPayload() {
            return new SimpleSerializedObject<>(event.payload(), String.class, event.payloadType(),
                    event.payloadRevision());
        }
    }
}
