package org.travesia.platform.axon;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.travesia.kernel.common.MetadataKeys;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.travesia.platform.mongo.MongoDatabaseConfiguration;
import org.travesia.platform.processing.ClaimKeptThroughTheBatch;

import com.mongodb.client.MongoDatabase;

/**
 * How every event processor runs: tracking (streaming) processors with segments, one thread per claimed segment,
 * tokens in MongoDB, and failures that stop a sequence visibly instead of vanishing.
 * <p>
 * Tracking, not pooled: the pooled processor re-polls a stream that offers no availability callback (the embedded
 * event store's does not) every 500 ms, which is the latency every read-your-writes would pay. A tracking thread
 * waits on the event store's own signal, so a new event is handled within the store's fetch delay.
 * <ul>
 * <li>A handler that throws has its event parked in the processor's dead-letter queue, and with it every later event
 * of the same aggregate (the sequence), so that a projection never applies an aggregate's events out of order. Other
 * aggregates carry on. Parked events show up in {@code /actuator/eventprocessors} and in the metrics.</li>
 * <li>Anything else that goes wrong (the dead-letter queue itself failing, say) propagates: the segment stops and is
 * retried from its last token. Axon's default, logging and moving on, is never used.</li>
 * <li>A batch keeps its segment's claim for as long as it takes ({@link ClaimKeptThroughTheBatch}), and one that lost
 * it stops before it writes more.</li>
 * </ul>
 */
@AutoConfiguration(after = MongoDatabaseConfiguration.class, before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(ProcessingProperties.class)
public class ProcessingConfiguration {

    @Bean
    public MongoTemplate axonMongoTemplate(MongoDatabase travesiaDatabase) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(travesiaDatabase)
                .trackingTokensCollectionName("tracking_tokens")
                .deadLetterCollectionName("dead_letters")
                .build();
    }

    /** Copies who, which client and the correlation id from each command onto the events it causes. */
    @Bean
    public CorrelationDataProvider travesiaCorrelationData() {
        return new SimpleCorrelationDataProvider(MetadataKeys.USER, MetadataKeys.ORGANISATION, MetadataKeys.CLIENT,
                MetadataKeys.CORRELATION_ID);
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer,
                                 ProcessingProperties properties) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(properties.claimTimeout())
                // Unique per application context, not per JVM: two contexts in one JVM must not share claims.
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8))
                .build();
    }

    @Bean
    public ConfigurerModule streamingProcessingDefaults(MongoTemplate axonMongoTemplate, Serializer serializer,
                                                        ProcessingProperties properties, TokenStore tokenStore) {
        int threads = Math.min(properties.segments(), properties.maxClaimedSegments());
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(threads)
                        .andInitialSegmentsCount(properties.segments())
                        .andBatchSize(properties.batchSize()))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((config, processorName) -> new ClaimKeptThroughTheBatch(
                        tokenStore, processorName, properties.claimTimeout(), System::nanoTime))
                .registerDeadLetterQueueProvider(processingGroup -> config ->
                        MongoSequencedDeadLetterQueue.builder()
                                .processingGroup(processingGroup)
                                .mongoTemplate(axonMongoTemplate)
                                .serializer(serializer)
                                .maxSequences(properties.maxDeadLetterSequences())
                                .build());
    }
}
