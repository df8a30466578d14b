package org.travesia.query.webhook;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.springframework.context.annotation.Configuration;
import org.travesia.platform.security.SecurityProperties;
import org.travesia.query.alert.api.AlertLog;

import io.micrometer.core.instrument.MeterRegistry;

/** Webhooks: which targets are allowed (http to loopback only in the local profile) and the dispatcher. */
@Configuration
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    @Bean
    WebhookTargets webhookTargets(WebhookProperties properties, SecurityProperties security) {
        return new WebhookTargets(properties, security.localUsersEnabled());
    }

    @Bean
    WebhookDispatcher webhookDispatcher(WebhookStore store, AlertLog alerts, WebhookTargets targets,
                                        WebhookProperties properties, PersonalDataCipher cipher,
                                        MeterRegistry meters) {
        return new WebhookDispatcher(store, alerts, targets, properties, cipher, Clock.systemUTC(), meters);
    }
}
