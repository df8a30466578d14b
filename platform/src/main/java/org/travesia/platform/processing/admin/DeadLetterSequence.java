package org.travesia.platform.processing.admin;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.contract.EventType;

/**
 * One parked sequence as an operator sees it: which aggregate, how many events wait, and the first of them (the one
 * that failed: those behind it are parked only to keep the aggregate's order). Identifiers, types and times only:
 * a payload, and the cause's message, can hold personal data, and neither leaves the queue.
 *
 * @param sequence       the sequence's identifier: the aggregate (incident) id
 * @param size           how many events of it are parked
 * @param eventId        the first parked event's id
 * @param eventType      its stored name and revision ({@code incident.amended@2})
 * @param sequenceNumber its number within the aggregate
 * @param globalPosition its global position in the store, when known
 * @param causeType      the type of the failure that parked it
 * @param enqueuedAt     when it was parked
 * @param lastTouched    when it was last tried
 */
public record DeadLetterSequence(String sequence, long size, String eventId, String eventType, Long sequenceNumber,
                                 Long globalPosition, String causeType, Instant enqueuedAt, Instant lastTouched) {

    static Optional<DeadLetterSequence> of(Iterable<DeadLetter<? extends EventMessage<?>>> letters,
                                           SequencedDeadLetterQueue<EventMessage<?>> queue) {
        Iterator<DeadLetter<? extends EventMessage<?>>> iterator = letters.iterator();
        if (!iterator.hasNext()) {
            // Retried or evicted between listing the sequences and reading this one.
            return Optional.empty();
        }
        DeadLetter<? extends EventMessage<?>> first = iterator.next();
        String sequence = ProcessorAdministration.sequenceOf(first);
        EventMessage<?> event = first.message();
        return Optional.of(new DeadLetterSequence(sequence, queue.sequenceSize(sequence), event.getIdentifier(),
                typeOf(event), event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null,
                globalPosition(event), first.cause().map(Cause::type).orElse(null), first.enqueuedAt(),
                first.lastTouched()));
    }

    private static String typeOf(EventMessage<?> event) {
        EventType type = event.getPayloadType().getAnnotation(EventType.class);
        return type == null ? event.getPayloadType().getSimpleName() : type.name() + "@" + type.revision();
    }

    private static Long globalPosition(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                && tracked.trackingToken().position().isPresent()) {
            return tracked.trackingToken().position().getAsLong();
        }
        return event.getMetaData().get(MetadataKeys.GLOBAL_POSITION) instanceof Number position
                ? position.longValue() : null;
    }
}
