package org.travesia.platform.axon;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The event serializer: Axon's Jackson serializer with {@link StorageJson}'s mapper, but the type it stores is the
 * event's registered name and revision ({@link EventTypeRegistry}), never a Java class name. Reading resolves only
 * registered names at their current revision, and Axon's own {@link MetaData}; anything else is an
 * {@link UnknownSerializedType}, which the event store refuses to pass on. No class is ever loaded by a name read
 * from storage.
 */
public class EventTypeSerializer extends JacksonSerializer {

    private static final String METADATA = MetaData.class.getName();

    private final EventTypeRegistry registry;

    public EventTypeSerializer(EventTypeRegistry registry) {
        super(JacksonSerializer.builder().objectMapper(StorageJson.mapper()));
        this.registry = registry;
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type == null || Void.TYPE.equals(type) || Void.class.equals(type) || MetaData.class.equals(type)) {
            return super.typeForClass(type);
        }
        return registry.typeOf(type).orElseThrow(() -> new SerializationException(type.getName()
                + " is not a registered event: give it an @EventType name and list it in the EventCatalogue"));
    }

    @Override
    public Class classForType(SerializedType type) {
        if (SimpleSerializedType.emptyType().equals(type)) {
            return Void.class;
        }
        if (METADATA.equals(type.getName())) {
            return MetaData.class;
        }
        return registry.classOf(type.getName(), type.getRevision()).orElse(UnknownSerializedType.class);
    }
}
