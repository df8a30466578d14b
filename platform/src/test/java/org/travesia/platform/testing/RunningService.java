package org.travesia.platform.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One Travesía service running on a free port against a given store, for HTTP-level tests. */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningService start(SpringApplicationBuilder application, String mongoUri, String... properties) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String property : List.of("server.port=0", "spring.data.mongodb.uri=" + mongoUri,
                "travesia.event-store.fetch-delay=20ms", "travesia.security.rate-limit.writes-per-minute=100000",
                "travesia.security.rate-limit.burst=100000", TestMasterKey.property())) {
            settings.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
        }
        for (String property : properties) {
            settings.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
        }
        List<String> arguments = new ArrayList<>();
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        // As arguments: they outrank every other property source, the platform defaults included.
        return new RunningService(application.run(arguments.toArray(String[]::new)));
    }

    public Api api() {
        return new Api(((ServletWebServerApplicationContext) context).getWebServer().getPort());
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
