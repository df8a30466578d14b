package org.travesia.query.alert;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.travesia.query.alert.api.AlertLog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Serves alert events as Server-Sent Events. One thread reads {@code alert_events} forward by position and hands
 * each subscriber the events after its own cursor that belong to its organisation (and route, if it chose one):
 * a client resuming with {@code Last-Event-ID} is given what it missed first, then live events, by the same loop.
 * The thread wakes when this instance projects an alert, and polls for those projected elsewhere. Idle streams get a
 * heartbeat comment.
 */
@Component
@EnableConfigurationProperties(AlertStreamProperties.class)
class AlertStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);
    private static final int BATCH = 200;

    private final AlertLog alerts;
    private final AlertStreamProperties properties;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    AlertStream(AlertLog alerts, AlertStreamProperties properties, MeterRegistry meters) {
        this.alerts = alerts;
        this.properties = properties;
        Gauge.builder("travesia.alerts.stream.clients", subscribers, List::size)
                .description("Clients connected to the alert stream").register(meters);
    }

    /** One connected client: who, which route, and the position of the last event it was sent. */
    private static final class Subscriber {
        private final SseEmitter emitter;
        private final String organisation;
        private final String routeId;
        private volatile long cursor;
        private volatile long lastSentNanos = System.nanoTime();

        private Subscriber(SseEmitter emitter, String organisation, String routeId, long cursor) {
            this.emitter = emitter;
            this.organisation = organisation;
            this.routeId = routeId;
            this.cursor = cursor;
        }
    }

    /** A new stream for an organisation, from the event after {@code lastEventId}, or from now when it is null. */
    SseEmitter subscribe(String organisation, String routeId, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.maxConnection().toMillis());
        Subscriber subscriber = new Subscriber(emitter, organisation, routeId,
                lastEventId != null ? lastEventId : alerts.head());
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(error -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        return emitter;
    }

    private void loop() {
        while (running.get()) {
            try {
                deliver();
                heartbeat();
            } catch (RuntimeException e) {
                // The store may be away; the next round tries again.
                log.warn("Alert stream round failed: {}", e.getClass().getSimpleName());
            }
            try {
                alerts.awaitNews(Math.min(properties.poll().toMillis(), properties.heartbeat().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void deliver() {
        if (subscribers.isEmpty()) {
            return;
        }
        long from = subscribers.stream().mapToLong(s -> s.cursor).min().orElseThrow();
        List<AlertLog.AlertEvent> events;
        do {
            events = alerts.after(from, BATCH);
            for (AlertLog.AlertEvent event : events) {
                for (Subscriber subscriber : subscribers) {
                    if (event.position() > subscriber.cursor) {
                        if (event.organisation().equals(subscriber.organisation)
                                && (subscriber.routeId == null || subscriber.routeId.equals(event.routeId()))) {
                            send(subscriber, SseEmitter.event().id(Long.toString(event.position()))
                                    .name(event.event()).data(event.alert()));
                        }
                        subscriber.cursor = event.position();
                    }
                }
                from = event.position();
            }
        } while (events.size() == BATCH);
    }

    private void heartbeat() {
        long now = System.nanoTime();
        for (Subscriber subscriber : subscribers) {
            if (now - subscriber.lastSentNanos >= properties.heartbeat().toNanos()) {
                send(subscriber, SseEmitter.event().comment("heartbeat"));
            }
        }
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter.send(event);
            subscriber.lastSentNanos = System.nanoTime();
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(subscriber);
            subscriber.emitter.completeWithError(gone);
        }
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            thread = new Thread(this::loop, "alert-stream");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void stop() {
        running.set(false);
        if (thread != null) {
            thread.interrupt();
        }
        subscribers.forEach(s -> s.emitter.complete());
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
