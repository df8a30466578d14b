package org.travesia.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;

/** Retries wait exponentially longer, with jitter, and never longer than the cap. */
class RetryBackoffTest {

    private static final WebhookProperties PROPERTIES = new WebhookProperties(null, null, Duration.ofSeconds(5),
            Duration.ofHours(1), null, null, null, null);

    @RepeatedTest(20)
    void eachWaitIsBetweenHalfAndAllOfTheDoubledBaseUpToTheCap() {
        assertThat(WebhookDispatcher.backoff(PROPERTIES, 1)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
        assertThat(WebhookDispatcher.backoff(PROPERTIES, 3)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(WebhookDispatcher.backoff(PROPERTIES, 40)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
    }
}
