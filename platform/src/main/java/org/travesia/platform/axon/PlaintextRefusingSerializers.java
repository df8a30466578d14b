package org.travesia.platform.axon;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.travesia.platform.privacy.PersonalDataGuard;

/**
 * The serializers Travesía stores with: before writing, each refuses a personal field that is not sealed
 * ({@link PersonalDataGuard}). Events go through the event serializer; dead letters and snapshots, which hold the same
 * records, through the general one. So plain personal data cannot reach the store through either, whatever a handler
 * forgot.
 */
final class PlaintextRefusingSerializers {

    private PlaintextRefusingSerializers() {
    }

    static Serializer events(EventTypeRegistry registry) {
        return new EventTypeSerializer(registry) {
            @Override
            public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
                PersonalDataGuard.requireSealed(object);
                return super.serialize(object, expectedRepresentation);
            }
        };
    }

    static Serializer general() {
        return new GeneralSerializer(JacksonSerializer.builder()
                .objectMapper(StorageJson.mapper())
                .revisionResolver(new AnnotationRevisionResolver()));
    }

    /** Axon's Jackson serializer, storing class names (tokens, dead letters, snapshots are no lasting contract). */
    private static final class GeneralSerializer extends JacksonSerializer {

        GeneralSerializer(Builder builder) {
            super(builder);
        }

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            PersonalDataGuard.requireSealed(object);
            return super.serialize(object, expectedRepresentation);
        }
    }
}
