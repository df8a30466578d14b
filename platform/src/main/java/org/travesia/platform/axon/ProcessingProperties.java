package org.travesia.platform.axon;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Streaming processor settings ({@code travesia.processing.*}).
 *
 * @param segments       segments per processor: the unit that instances of a service split among themselves
 * @param batchSize      events handled per transaction and token update, at most: a batch holds the events already
 *                       there, so it fills only while a processor catches up. A batch extends its claim as it goes
 *                       ({@code ClaimKeptThroughTheBatch}); 500 was faster before it did, and not kept then
 *                       (docs/benchmarks.md, session 12)
 * @param claimTimeout   how long a token claim lasts without a heartbeat before another instance may take it
 * @param maxDeadLetterSequences how many poisoned sequences a processor parks before it stops altogether
 * @param maxClaimedSegments     how many segments one instance claims (one thread each); with n instances,
 *                               segments / n lets each take a share (the default lets one instance take all, the
 *                               others stand by)
 */
@ConfigurationProperties("travesia.processing")
public record ProcessingProperties(Integer segments, Integer batchSize, Duration claimTimeout,
                                   Integer maxDeadLetterSequences, Integer maxClaimedSegments) {

    public ProcessingProperties {
        segments = segments == null ? 4 : segments;
        batchSize = batchSize == null ? 100 : batchSize;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(10) : claimTimeout;
        maxDeadLetterSequences = maxDeadLetterSequences == null ? 1024 : maxDeadLetterSequences;
        maxClaimedSegments = maxClaimedSegments == null ? Short.MAX_VALUE : maxClaimedSegments;
    }
}
