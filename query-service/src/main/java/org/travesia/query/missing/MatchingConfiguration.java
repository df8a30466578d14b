package org.travesia.query.missing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the matching aid's settings. */
@Configuration
@EnableConfigurationProperties(MatchingProperties.class)
class MatchingConfiguration {
}
