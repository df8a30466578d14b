package org.travesia.platform.axon;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Jackson for events, messages and tokens, everywhere. XStream cannot read records on Java 17 and deserializes
 * arbitrary types, so it is never used.
 * <p>
 * The mapper is private to Axon on purpose: the stored form of an event is a contract with every past and future
 * reader, so it must not change when someone tunes the web layer's JSON.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class SerializationConfiguration {

    @Bean
    @Primary
    public Serializer serializer() {
        JsonMapper mapper = JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Readers of old events must survive fields they do not know yet.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Metadata numbers come back as Long, as they went in (the global position, for one).
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .build();
        return JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }
}
