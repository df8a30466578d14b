package org.travesia.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentVerified;

/**
 * Events are stored under their registered names, and only registered names are read back: a Java class name, an
 * unknown name or a revision no upcaster brought up to date is unknown, and no class is ever loaded by name.
 */
class EventTypeSerializerTest {

    private static final EventTypeSerializer SERIALIZER = GoldenEvents.SERIALIZER;

    @Test
    void anEventIsStoredUnderItsNameAndRevisionNeverItsClassName() {
        SerializedObject<String> stored = SERIALIZER.serialize(new IncidentVerified("i-1", "checked"), String.class);

        assertThat(stored.getType()).isEqualTo(new SimpleSerializedType("incident.verified", "1"));
        assertThat(stored.getData()).doesNotContain("org.travesia");
    }

    @Test
    void onlyARegisteredNameAtItsCurrentRevisionIsRead() {
        assertThat(SERIALIZER.classForType(new SimpleSerializedType("incident.reported", "1")))
                .isEqualTo(IncidentReported.class);
        assertThat(SERIALIZER.classForType(new SimpleSerializedType("incident.reported", "2")))
                .as("a revision from the future").isEqualTo(UnknownSerializedType.class);
        assertThat(SERIALIZER.classForType(new SimpleSerializedType("incident.flooded", "1")))
                .as("a name nobody registered").isEqualTo(UnknownSerializedType.class);
        assertThat(SERIALIZER.classForType(new SimpleSerializedType(IncidentReported.class.getName(), null)))
                .as("a class name, as earlier builds stored").isEqualTo(UnknownSerializedType.class);
        assertThat(SERIALIZER.classForType(new SimpleSerializedType("java.util.HashMap", null)))
                .as("any class on the classpath").isEqualTo(UnknownSerializedType.class);
    }

    @Test
    void aClassThatIsNotARegisteredEventIsNeverWritten() {
        assertThatThrownBy(() -> SERIALIZER.serialize(Map.of("any", "thing"), String.class))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a registered event");
    }

    @Test
    void metadataIsWrittenAndReadAsAxonsOwn() {
        MetaData metaData = MetaData.with("user", "ana").and("globalPosition", 12L);

        SerializedObject<String> stored = SERIALIZER.serialize(metaData, String.class);
        MetaData read = SERIALIZER.deserialize(stored);

        assertThat(read).isEqualTo(metaData);
    }
}
