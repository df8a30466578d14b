package org.travesia.command;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.travesia.platform.axon.ProcessingProperties;

/**
 * The command side's processors, route assignment and alert evaluation, each in one segment and one thread: they
 * keep state across aggregates (a segment's area and the incidents in it, a window's incidents) and decide from it,
 * so they must see every event in the order it was recorded. They do little per event, and one instance runs each;
 * another instance takes over when its claim lapses.
 */
@Configuration
public class InOrderProcessors {

    public static final String ROUTE_ASSIGNMENT = "route-assignment";
    public static final String ROUTE_ALERTS = "route-alerts";

    @Bean
    ConfigurerModule inOrderProcessing(ProcessingProperties properties) {
        return configurer -> {
            for (String processor : new String[] {ROUTE_ASSIGNMENT, ROUTE_ALERTS}) {
                configurer.eventProcessing().registerTrackingEventProcessorConfiguration(processor, config ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(properties.batchSize()));
            }
        };
    }
}
