package org.travesia.platform.testapp;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.travesia.platform.axon.EventTypeRegistry;

/**
 * A minimal Travesía-shaped application for testing the platform on its own: one aggregate (a walker taking
 * steps) and one projection (a ledger of steps), wired by the platform's auto-configuration exactly as the services
 * are. A test runs several of these against one store.
 */
@SpringBootApplication
public class WalkerApplication {

    /** The walker's own event; the event serializer stores and reads registered events only. */
    @Bean
    public EventTypeRegistry eventTypeRegistry() {
        return EventTypeRegistry.of(List.of(StepTaken.class));
    }

    public static ConfigurableApplicationContext start(String mongoUri, String... properties) {
        List<String> arguments = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--spring.data.mongodb.uri=" + mongoUri, "--spring.config.name=walker-test"));
        for (String property : properties) {
            arguments.add("--" + property);
        }
        return new SpringApplicationBuilder(WalkerApplication.class).run(arguments.toArray(String[]::new));
    }
}
