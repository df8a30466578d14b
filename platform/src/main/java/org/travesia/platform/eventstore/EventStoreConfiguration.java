package org.travesia.platform.eventstore;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.travesia.eventstore.AllocationListener;
import org.travesia.eventstore.EventStoreCollections;
import org.travesia.eventstore.MongoEventStorageEngine;
import org.travesia.platform.mongo.MongoDatabaseConfiguration;

import com.mongodb.client.MongoDatabase;

/** Wires the MongoDB event store into Axon for both services. */
@AutoConfiguration(after = MongoDatabaseConfiguration.class, before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreConfiguration {

    @Bean
    public EventStoreCollections eventStoreCollections(MongoDatabase travesiaDatabase, EventStoreProperties properties) {
        return new EventStoreCollections(travesiaDatabase, properties.mongoWriteConcern()).ensureIndexes();
    }

    @Bean
    public MongoEventStorageEngine eventStorageEngine(EventStoreCollections collections,
                                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                                      Serializer serializer,
                                                      ObjectProvider<EventUpcaster> upcasters,
                                                      ObjectProvider<AllocationListener> allocationListener,
                                                      EventStoreProperties properties) {
        return MongoEventStorageEngine.builder()
                .collections(collections)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(upcasters.getIfAvailable(() -> NoOpEventUpcaster.INSTANCE))
                .allocationListener(allocationListener.getIfAvailable(() -> AllocationListener.NONE))
                .gapTimeout(properties.gapTimeout())
                .batchSize(properties.batchSize())
                .build();
    }

    @Bean(name = "eventBus", destroyMethod = "shutDown")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine, EventStoreProperties properties) {
        return new OutageAwareEventStore(EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .fetchDelay(properties.fetchDelay().toMillis()));
    }
}
