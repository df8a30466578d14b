package org.travesia.command;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/** Travesía's write side: accepts reports and curation commands over HTTP and appends the resulting events. */
@SpringBootApplication
public class CommandServiceApplication {

    /** Each service reads its own {@code <name>.yml}, so both can share a classpath in end-to-end tests. */
    public static final String CONFIG_NAME = "command-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    /** The server clock: recordedAt, and the "not in the future" rule. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
