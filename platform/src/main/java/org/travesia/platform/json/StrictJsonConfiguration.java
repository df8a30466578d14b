package org.travesia.platform.json;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.core.JsonParser;

/**
 * Request bodies are read by the {@link StrictJsonFactory}: what a client sent is taken exactly, or refused with 400
 * ({@link StrictJsonException}). Applied after Spring Boot's own customizer, so that no property can loosen it.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
public class StrictJsonConfiguration {

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return new StrictJson();
    }

    private static final class StrictJson implements Jackson2ObjectMapperBuilderCustomizer, Ordered {

        @Override
        public void customize(Jackson2ObjectMapperBuilder builder) {
            builder.factory(new StrictJsonFactory()).featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
