package org.travesia.ops.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.travesia.command.CommandServiceApplication;
import org.travesia.platform.testing.EmbeddedMongo;
import org.travesia.query.QueryServiceApplication;

/**
 * Both services, each in its own application context, on one embedded store: the system as a client sees it, in
 * one JVM so that tests start in seconds. {@code LauncherEndToEndTest} runs the real processes.
 */
public final class TravesiaSystem implements AutoCloseable {

    private final EmbeddedMongo mongo;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final ConfigurableApplicationContext command;
    private final ConfigurableApplicationContext query;

    private TravesiaSystem(String... extraProperties) {
        mongo = EmbeddedMongo.inMemory();
        command = start(CommandServiceApplication.builder(), extraProperties);
        query = start(QueryServiceApplication.builder(), extraProperties);
    }

    public static TravesiaSystem start(String... extraProperties) {
        return new TravesiaSystem(extraProperties);
    }

    private ConfigurableApplicationContext start(SpringApplicationBuilder builder, String... extraProperties) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + mongo.uri(),
                "--travesia.event-store.fetch-delay=20ms",
                "--travesia.security.rate-limit.writes-per-minute=100000",
                "--travesia.security.rate-limit.burst=100000"));
        for (String property : extraProperties) {
            arguments.add("--" + property);
        }
        // As arguments: they outrank every other property source, the platform defaults included.
        ConfigurableApplicationContext context = builder.run(arguments.toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    public Api commands() {
        return new Api(port(command));
    }

    public Api queries() {
        return new Api(port(query));
    }

    public ConfigurableApplicationContext commandContext() {
        return command;
    }

    public ConfigurableApplicationContext queryContext() {
        return query;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        mongo.close();
    }
}
