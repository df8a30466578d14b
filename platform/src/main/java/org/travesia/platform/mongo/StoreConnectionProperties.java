package org.travesia.platform.mongo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a request waits for the store ({@code travesia.mongo.*}).
 *
 * @param serverSelectionTimeout how long an operation waits for a server it can use before it fails and the request
 *                               answers 503. The driver's default, 30 s, held every request that long during an
 *                               outage. A {@code serverSelectionTimeoutMS} in {@code MONGODB_URI} wins over this.
 */
@ConfigurationProperties("travesia.mongo")
public record StoreConnectionProperties(Duration serverSelectionTimeout) {

    public StoreConnectionProperties {
        serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofSeconds(2) : serverSelectionTimeout;
    }
}
