package org.travesia.command.testing;

import org.travesia.command.CommandServiceApplication;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.RunningService;

/** command-service on a store of its own, whose token store refuses one token of {@code processor} once armed. */
public final class ServiceLosingOneToken implements AutoCloseable {

    public final EmbeddedMongo mongo;
    public final RunningService service;
    public final TokenStoreThatFailsOnce tokens;

    private ServiceLosingOneToken(String processor) {
        mongo = EmbeddedMongo.inMemory();
        tokens = new TokenStoreThatFailsOnce(processor);
        service = RunningService.start(CommandServiceApplication.builder()
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(tokens)), mongo.uri());
    }

    public static ServiceLosingOneToken start(String processor) {
        return new ServiceLosingOneToken(processor);
    }

    @Override
    public void close() {
        service.close();
        mongo.close();
    }
}
