package org.travesia.platform.processing;

import java.time.Clock;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.travesia.platform.eventstore.EventStoreConfiguration;
import org.travesia.eventstore.MongoEventStorageEngine;

/** The operator's view of event processing: the actuator endpoint and the gauges, per processor and per segment. */
@AutoConfiguration(after = EventStoreConfiguration.class)
public class ProcessingObservabilityConfiguration {

    @Bean
    public EventProcessorsEndpoint eventProcessorsEndpoint(EventProcessingConfiguration processing,
                                                           MongoEventStorageEngine eventStorageEngine) {
        return new EventProcessorsEndpoint(processing, eventStorageEngine);
    }

    @Bean
    public EventProcessingMetrics eventProcessingMetrics(EventProcessingConfiguration processing,
                                                         MongoEventStorageEngine eventStorageEngine,
                                                         TokenStore tokenStore) {
        return new EventProcessingMetrics(processing, eventStorageEngine, tokenStore);
    }

    @Bean
    public SegmentLagGauges segmentLagGauges(EventProcessingConfiguration processing,
                                             MongoEventStorageEngine eventStorageEngine) {
        return new SegmentLagGauges(processing, eventStorageEngine, Clock.systemUTC());
    }
}
