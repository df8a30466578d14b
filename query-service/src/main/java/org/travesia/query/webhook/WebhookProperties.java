package org.travesia.query.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook settings ({@code travesia.webhooks.*}).
 *
 * @param allowPrivateTargets  deliver to addresses on private, link-local, unique-local or loopback networks; off
 *                             unless the operator needs it (a receiver inside the same network), since a webhook
 *                             URL is chosen by a user and could otherwise reach internal services (SSRF)
 * @param allowLoopbackHttp    accept {@code http://} to a loopback address: on in the local profile (local users
 *                             on), off otherwise; every other target must be {@code https://}
 * @param initialBackoff       the wait after the first failed attempt (5 s); it doubles with each failure
 * @param maxBackoff           the longest wait between two attempts (1 h)
 * @param giveUpAfter          how long after the first attempt a delivery is retried before it is given up (24 h)
 * @param poll                 how often deliveries due are looked for (500 ms)
 * @param requestTimeout       how long one attempt may take (10 s)
 * @param allowedHosts         host names exempt from the private-address check (for example a receiver the
 *                             operator runs inside the network); empty by default
 */
@ConfigurationProperties("travesia.webhooks")
record WebhookProperties(Boolean allowPrivateTargets, Boolean allowLoopbackHttp, Duration initialBackoff,
                         Duration maxBackoff, Duration giveUpAfter, Duration poll, Duration requestTimeout,
                         List<String> allowedHosts) {

    WebhookProperties {
        allowPrivateTargets = allowPrivateTargets != null && allowPrivateTargets;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        giveUpAfter = giveUpAfter == null ? Duration.ofHours(24) : giveUpAfter;
        poll = poll == null ? Duration.ofMillis(500) : poll;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
