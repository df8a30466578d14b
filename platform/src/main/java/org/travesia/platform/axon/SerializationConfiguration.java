package org.travesia.platform.axon;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Jackson for events, messages and tokens, everywhere, with {@link StorageJson}'s mapper. XStream cannot read records
 * on Java 17 and deserializes arbitrary types, so it is never used.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class SerializationConfiguration {

    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(StorageJson.mapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }
}
