package org.travesia.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.travesia.eventstore.TestEvents.steps;

import java.util.stream.Collectors;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An event whose type the serializer cannot read stops the reader at that event, with its position and stored type,
 * instead of reaching a processor as an unreadable payload that Axon would skip without a word.
 */
class UnknownEventTypeTest {

    private final EventStoreFixture store = new EventStoreFixture();
    /** The same store, read by a build that has no class for the stored events' type. */
    private final MongoEventStorageEngine reader = MongoEventStorageEngine.builder()
            .collections(store.collections)
            .eventSerializer(new ForgetfulSerializer())
            .snapshotSerializer(store.serializer)
            .build();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aTrackingReadStopsAtTheUnknownEventNamingItsPositionAndType() {
        store.engine.appendEvents(steps("a", 0, 2));

        assertThatThrownBy(() -> reader.readEvents(null, false).collect(Collectors.toList()))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("at position 1")
                .hasMessageContaining("'" + TestEvents.Stepped.class.getName() + "' revision 1");
    }

    @Test
    void loadingAnAggregateStopsAtTheUnknownEventRatherThanRebuildItWithoutIt() {
        store.engine.appendEvents(steps("a", 0, 3));

        assertThatThrownBy(() -> reader.readEvents("a").asStream().collect(Collectors.toList()))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("at position 1 (aggregate a, sequence 0)");
    }

    @Test
    void knownTypesAreReadAsBefore() {
        store.engine.appendEvents(steps("a", 0, 3));

        assertThat(store.readNew()).hasSize(3);
        assertThat(store.sequencesOf("a")).containsExactly(0L, 1L, 2L);
    }

    /** Knows metadata, and no payload type at all. */
    private static final class ForgetfulSerializer extends JacksonSerializer {

        ForgetfulSerializer() {
            super(JacksonSerializer.builder());
        }

        @Override
        public Class classForType(SerializedType type) {
            return MetaData.class.getName().equals(type.getName()) ? MetaData.class : UnknownSerializedType.class;
        }
    }
}
