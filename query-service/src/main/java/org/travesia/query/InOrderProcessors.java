package org.travesia.query;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.travesia.platform.axon.ProcessingProperties;

/**
 * The alert projection runs in one segment and one thread: the alert events it writes are read forward by position
 * (the stream, webhooks), so they must be written in the order they were recorded. It does little per event; one
 * instance runs it, another takes over when its claim lapses.
 */
@Configuration
public class InOrderProcessors {

    public static final String ALERTS = "alerts";

    @Bean
    ConfigurerModule inOrderProcessing(ProcessingProperties properties) {
        return configurer -> {
            configurer.eventProcessing().registerTrackingEventProcessorConfiguration(ALERTS, config ->
                    TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                            .andInitialSegmentsCount(1)
                            .andBatchSize(properties.batchSize()));
        };
    }
}
