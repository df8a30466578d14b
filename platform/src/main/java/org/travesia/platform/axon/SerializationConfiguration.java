package org.travesia.platform.axon;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.travesia.kernel.EventCatalogue;
import org.travesia.platform.axon.upcasting.EventUpcasters;

/**
 * Jackson for events, messages and tokens, everywhere, with {@link StorageJson}'s mapper. XStream cannot read records
 * on Java 17 and deserializes arbitrary types, so it is never used.
 * <ul>
 * <li>Events are stored under their registered names ({@link EventTypeSerializer}), brought to their current
 * revision by {@link EventUpcasters} when read.</li>
 * <li>Everything else (tokens, snapshots, dead letters, sagas) uses the general serializer, which stores class
 * names: none of it is a contract kept forever.</li>
 * <li>Both refuse to write a personal field that is not sealed ({@link PlaintextRefusingSerializers}).</li>
 * </ul>
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class SerializationConfiguration {

    @Bean
    @Primary
    public Serializer serializer() {
        return PlaintextRefusingSerializers.general();
    }

    /** The events Travesía stores. An application with events of its own (a test application) declares its own. */
    @Bean
    @ConditionalOnMissingBean
    public EventTypeRegistry eventTypeRegistry() {
        return EventTypeRegistry.of(EventCatalogue.EVENTS);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(EventTypeRegistry eventTypeRegistry) {
        return PlaintextRefusingSerializers.events(eventTypeRegistry);
    }

    @Bean
    public EventUpcasterChain eventUpcasters() {
        return EventUpcasters.chain();
    }
}
