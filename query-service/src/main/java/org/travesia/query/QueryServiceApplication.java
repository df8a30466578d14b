package org.travesia.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Travesía's read side: projects events into read models and serves views, alerts and exports. */
@SpringBootApplication
public class QueryServiceApplication {

    /** Each service reads its own {@code <name>.yml}, so both can share a classpath in end-to-end tests. */
    public static final String CONFIG_NAME = "query-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
