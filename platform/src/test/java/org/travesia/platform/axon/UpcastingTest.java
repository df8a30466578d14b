package org.travesia.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.EventCatalogue;
import org.travesia.kernel.contract.EventType;
import org.travesia.platform.axon.GoldenEvents.Golden;
import org.travesia.platform.axon.upcasting.EventUpcasters;

/**
 * An event stored under an older revision is read as the current one, through the upcasters, exactly as the event
 * store reads it; without its upcaster it is not read at all.
 */
class UpcastingTest {

    @Test
    void anAmendmentOfRevisionOneIsReadAsRevisionTwoHoldingOnlyWhatChanged() {
        Object read = readThrough(EventUpcasters.chain(), new Golden("incident.amended", 1));

        assertThat(read).isEqualTo(EventSamples.BY_NAME.get("incident.amended"));
    }

    @Test
    void withoutItsUpcasterAnOlderRevisionIsNotReadAsTheCurrentOne() {
        Object read = readThrough(NoOpEventUpcaster.INSTANCE, new Golden("incident.amended", 1));

        assertThat(read).isInstanceOf(UnknownSerializedType.class);
    }

    @Test
    void everyOlderRevisionThatHasAGoldenFileIsReadAsItsCurrentRevision() {
        List<Golden> older = GoldenEvents.all().stream().filter(golden -> golden.revision() < current(golden)).toList();

        assertThat(older).isNotEmpty();
        for (Golden golden : older) {
            assertThat(readThrough(EventUpcasters.chain(), golden)).as(golden.resource())
                    .isInstanceOf(registered(golden.name()));
        }
    }

    /** Reads one stored event as the event store does: upcast, then deserialize. */
    private static Object readThrough(EventUpcaster upcasters, Golden golden) {
        String metaData = GoldenEvents.SERIALIZER.serialize(MetaData.emptyInstance(), String.class).getData();
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Incident", EventSamples.INCIDENT, 1,
                "event-1", Instant.parse("2026-11-22T10:00:00Z"), golden.name(), String.valueOf(golden.revision()),
                golden.json(), metaData);
        List<? extends DomainEventMessage<?>> read = EventStreamUtils
                .upcastAndDeserializeDomainEvents(Stream.of(stored), GoldenEvents.SERIALIZER, upcasters)
                .asStream().toList();
        assertThat(read).hasSize(1);
        return read.get(0).getPayload();
    }

    private static int current(Golden golden) {
        return registered(golden.name()).getAnnotation(EventType.class).revision();
    }

    private static Class<? extends Record> registered(String name) {
        return EventCatalogue.EVENTS.stream().filter(e -> e.getAnnotation(EventType.class).name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("No registered event is named " + name));
    }
}
