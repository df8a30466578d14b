package org.travesia.ops.system;

import org.travesia.command.CommandServiceApplication;
import org.travesia.platform.testing.Api;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

/**
 * Both services, each in its own application context, on one embedded store: the system as a client sees it, in
 * one JVM so that tests start in seconds. {@code LauncherEndToEndTest} runs the real processes.
 */
public final class TravesiaSystem implements AutoCloseable {

    private final EmbeddedMongo mongo;
    private final RunningService command;
    private final RunningService query;

    private TravesiaSystem(String... properties) {
        mongo = EmbeddedMongo.inMemory();
        command = RunningService.start(CommandServiceApplication.builder(), mongo.uri(), properties);
        query = RunningService.start(QueryServiceApplication.builder(), mongo.uri(), properties);
    }

    public static TravesiaSystem start(String... properties) {
        return new TravesiaSystem(properties);
    }

    public Api commands() {
        return command.api();
    }

    public Api queries() {
        return query.api();
    }

    public RunningService commandService() {
        return command;
    }

    public RunningService queryService() {
        return query;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    @Override
    public void close() {
        query.close();
        command.close();
        mongo.close();
    }
}
