package org.travesia.platform.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.travesia.eventstore.EventStoreCollections;
import org.travesia.eventstore.StorePositions;
import org.travesia.platform.axon.ProcessingConfiguration;
import org.travesia.platform.eventstore.EventStoreConfiguration;

/** The start-up check of the store's consistency ({@link StartupConsistencyCheck}). */
@AutoConfiguration(after = {EventStoreConfiguration.class, ProcessingConfiguration.class})
public class StartupConsistencyConfiguration {

    @Bean
    StartupConsistencyCheck startupConsistencyCheck(EventStoreCollections eventStoreCollections,
                                                    MongoTemplate axonMongoTemplate, Serializer serializer,
                                                    EventProcessingConfiguration processing) {
        return new StartupConsistencyCheck(new StorePositions(eventStoreCollections),
                new StoredProcessorTokens(axonMongoTemplate.trackingTokensCollection(), serializer), processing);
    }
}
