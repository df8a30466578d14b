package org.travesia.platform.testapp;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.travesia.eventstore.testing.EmbeddedMongo;

/** Instances of {@link WalkerApplication} on one in-memory store, closed with it. */
public final class WalkerInstances implements AutoCloseable {

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    /** Starts one more instance on the store, with these properties. */
    public ConfigurableApplicationContext start(String... properties) {
        ConfigurableApplicationContext context = WalkerApplication.start(mongo.uri(), properties);
        contexts.add(context);
        return context;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    /** The instance's processor of {@link StepLedger}'s processing group. */
    public static TrackingEventProcessor processor(ConfigurableApplicationContext instance) {
        return instance.getBean(EventProcessingConfiguration.class)
                .eventProcessor(StepLedger.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
    }

    /** How many segments of that processor the instance holds now. */
    public static int claimed(ConfigurableApplicationContext instance) {
        return processor(instance).processingStatus().size();
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
        mongo.close();
    }
}
