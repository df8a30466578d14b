package org.travesia.eventstore;

import java.util.List;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Revision;

/** Small builders for the events the engine tests append. */
final class TestEvents {

    /** The payload: which aggregate and which step. */
    @Revision("1")
    record Stepped(String aggregateId, long step) {
    }

    private TestEvents() {
    }

    static DomainEventMessage<Stepped> step(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Walker", aggregateId, sequence, new Stepped(aggregateId, sequence));
    }

    static List<DomainEventMessage<?>> steps(String aggregateId, long from, int count) {
        return LongStream.range(from, from + count).<DomainEventMessage<?>>mapToObj(s -> step(aggregateId, s)).toList();
    }
}
