package org.travesia.query.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The alert stream's settings ({@code travesia.alerts.stream.*}).
 *
 * @param heartbeat      how often an idle stream gets a comment line, so proxies keep it open (15 s)
 * @param poll           how often the stream looks for alert events projected by another instance (500 ms); this
 *                       instance's own wake the stream at once
 * @param maxConnection  how long one stream stays open before the server ends it and the client resumes (1 h)
 */
@ConfigurationProperties("travesia.alerts.stream")
record AlertStreamProperties(Duration heartbeat, Duration poll, Duration maxConnection) {

    AlertStreamProperties {
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        poll = poll == null ? Duration.ofMillis(500) : poll;
        maxConnection = maxConnection == null ? Duration.ofHours(1) : maxConnection;
    }
}
