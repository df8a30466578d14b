package org.travesia.query.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.query.alert.api.AlertLog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers alert events to webhooks, at least once, by the Standard Webhooks specification. One thread:
 * <ol>
 * <li>turns new alert events into deliveries, one per webhook of the alert's organisation and route registered
 * before the event, persisted before the cursor moves on;</li>
 * <li>attempts every delivery that is due: a 2xx answer delivers it; anything else (or no answer) is logged as an
 * attempt and retried after an exponentially growing wait with jitter (full jitter between half and all of
 * {@code initialBackoff × 2^(attempts-1)}, at most {@code maxBackoff}), until {@code giveUpAfter} has passed since
 * the first attempt.</li>
 * </ol>
 * Everything is in MongoDB, so a restart carries on where it stopped. The target is checked again before every
 * attempt; redirects are not followed.
 */
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final String BODY = "webhook.body";

    private final WebhookStore store;
    private final AlertLog alerts;
    private final PersonalDataCipher cipher;
    private final WebhookTargets targets;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final Counter delivered;
    private final Counter failed;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    WebhookDispatcher(WebhookStore store, AlertLog alerts, WebhookTargets targets, WebhookProperties properties,
                      PersonalDataCipher cipher, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.cipher = cipher;
        this.alerts = alerts;
        this.targets = targets;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.requestTimeout()).build();
        this.delivered = Counter.builder("travesia.webhooks.deliveries").tag("outcome", "delivered")
                .description("Webhook attempts answered 2xx").register(meters);
        this.failed = Counter.builder("travesia.webhooks.deliveries").tag("outcome", "failed")
                .description("Webhook attempts that failed and will be retried or given up").register(meters);
        Gauge.builder("travesia.webhooks.retry.backlog", backlog, AtomicLong::get)
                .description("Webhook deliveries waiting for an attempt").register(meters);
    }

    private void loop() {
        while (running.get()) {
            try {
                enqueueNewAlertEvents();
                deliverDue();
                backlog.set(store.backlog());
            } catch (RuntimeException e) {
                // The store may be away; the next round tries again.
                log.warn("Webhook round failed: {}", e.getClass().getSimpleName());
            }
            try {
                alerts.awaitNews(properties.poll().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void enqueueNewAlertEvents() {
        long cursor = store.cursor();
        for (AlertLog.AlertEvent event : alerts.after(cursor, 200)) {
            for (Document webhook : store.webhooksFor(event.organisation(), event.routeId())) {
                if (event.position() > webhook.getLong("fromPosition")) {
                    store.enqueue(delivery(webhook.getString("_id"), event));
                }
            }
            store.advanceCursor(event.position());
        }
    }

    private Document delivery(String webhookId, AlertLog.AlertEvent event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", event.event());
        payload.put("timestamp", Instant.now(clock).toString());
        payload.put("data", event.alert());
        String body;
        try {
            body = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // Kept for retries, so sealed like every other copy of an alert's notes; opened only to be sent.
        String sealed = cipher.sealerFor(DataSubject.route(event.routeId())).seal(BODY, body);
        return new Document("_id", webhookId + ":" + event.position()).append("webhookId", webhookId)
                .append("position", event.position()).append("messageId", "msg_" + webhookId + "_" + event.position())
                .append("routeId", event.routeId())
                .append("event", event.event()).append("body", sealed).append("state", WebhookStore.PENDING)
                .append("nextAttemptAt", Date.from(Instant.now(clock))).append("attempts", new ArrayList<>());
    }

    private void deliverDue() {
        Instant now = Instant.now(clock);
        for (Document due : store.due(now, 50)) {
            if (!running.get()) {
                // Stopping: claim nothing more, so that no delivery is left leased to an instance going away.
                return;
            }
            store.claim(due, now.plus(LEASE)).ifPresent(this::attempt);
        }
    }

    private void attempt(Document delivery) {
        Instant started = Instant.now(clock);
        Instant first = delivery.getDate("firstAttemptAt") == null ? started
                : delivery.getDate("firstAttemptAt").toInstant();
        int attemptNumber = delivery.getList("attempts", Document.class).size() + 1;
        Document attempt = new Document("at", Date.from(started)).append("attempt", attemptNumber);
        boolean ok = false;
        Document webhook = store.webhook(delivery.getString("webhookId")).orElse(null);
        String body = body(delivery);
        if (webhook == null) {
            attempt.append("error", "webhook-removed");
        } else if (body == null) {
            attempt.append("error", "body-unreadable");
        } else {
            try {
                URI target = targets.check(webhook.getString("url"));
                long timestamp = started.getEpochSecond();
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(target)
                        .timeout(properties.requestTimeout())
                        .header("Content-Type", "application/json")
                        .header("webhook-id", delivery.getString("messageId"))
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header("webhook-signature", WebhookSignature.sign(webhook.getString("secret"),
                                delivery.getString("messageId"), timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.discarding());
                attempt.append("status", response.statusCode());
                ok = response.statusCode() >= 200 && response.statusCode() < 300;
            } catch (InvalidValueException refused) {
                attempt.append("error", refused.violations().get(0).code());
            } catch (IOException e) {
                attempt.append("error", e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                attempt.append("error", "interrupted");
            }
        }
        Instant finished = Instant.now(clock);
        attempt.append("durationMs", Duration.between(started, finished).toMillis());
        if (ok) {
            delivered.increment();
            store.recordAttempt(delivery.getString("_id"), attempt, WebhookStore.DELIVERED, null, first);
            return;
        }
        failed.increment();
        Instant next = finished.plus(backoff(properties, attemptNumber));
        boolean giveUp = next.isAfter(first.plus(properties.giveUpAfter()));
        store.recordAttempt(delivery.getString("_id"), attempt, giveUp ? WebhookStore.GAVE_UP : WebhookStore.PENDING,
                giveUp ? null : next, first);
        // Ids and outcome only: never the URL (it may hold a token) or the body.
        log.info("Webhook delivery {} attempt {} failed ({}){}", delivery.getString("_id"), attemptNumber,
                attempt.get("status") != null ? attempt.get("status") : attempt.get("error"),
                giveUp ? "; given up" : "");
    }

    /**
     * The body to send, opened; null when it cannot be (its key is gone, or it does not verify): such a delivery is
     * recorded as failed like any other and given up in time, instead of stopping every round at it.
     */
    private String body(Document delivery) {
        DataSubject route = DataSubject.route(delivery.getString("routeId"));
        try {
            return cipher.openerFor(route).text(route, BODY, delivery.getString("body"));
        } catch (RuntimeException unreadable) {
            log.warn("Webhook delivery {} has a body that cannot be opened ({})", delivery.getString("_id"),
                    unreadable.getClass().getSimpleName());
            return null;
        }
    }

    /** Exponential, capped, with jitter: a random wait between half and all of the doubled base. */
    static Duration backoff(WebhookProperties properties, int attempts) {
        long base = properties.initialBackoff().toMillis() << Math.min(attempts - 1, 30);
        long capped = Math.min(Math.max(base, 1), properties.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            thread = new Thread(this::loop, "webhook-dispatcher");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Lets the attempt under way end and be recorded while the store is still open, then the loop stops at its next
     * look at {@code running}; interrupted only if that takes longer than an attempt can. Interrupting at once cut an
     * attempt (or the store call after its claim) short, the context went on to close the store, the delivery kept
     * the lease it was claimed under, and the next instance waited out the whole lease before retrying it.
     */
    @Override
    public void stop() {
        running.set(false);
        if (thread == null) {
            return;
        }
        try {
            thread.join(properties.requestTimeout().plus(properties.poll()).plus(STOP_GRACE).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
