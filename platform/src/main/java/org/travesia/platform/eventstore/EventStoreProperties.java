package org.travesia.platform.eventstore;

import java.time.Duration;

import com.mongodb.WriteConcern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Event store settings ({@code travesia.event-store.*}).
 *
 * @param gapTimeout   how long a position may stay allocated but invisible before readers fence it
 * @param batchSize    positions asked for per tracking read
 * @param fetchDelay   how long the event store waits before polling again when it found nothing new
 * @param writeConcern {@code majority} (default: survives a primary failover) or {@code acknowledged}
 */
@ConfigurationProperties("travesia.event-store")
public record EventStoreProperties(Duration gapTimeout, Integer batchSize, Duration fetchDelay, String writeConcern) {

    public EventStoreProperties {
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(10) : gapTimeout;
        batchSize = batchSize == null ? 256 : batchSize;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(100) : fetchDelay;
        writeConcern = writeConcern == null ? "majority" : writeConcern;
    }

    /** The write concern for what must not be lost: events, and the audit log. */
    public WriteConcern mongoWriteConcern() {
        return "majority".equalsIgnoreCase(writeConcern) ? WriteConcern.MAJORITY : WriteConcern.ACKNOWLEDGED;
    }
}
