package org.travesia.query.alert.api;

import java.util.List;
import java.util.Map;

/**
 * The alert events in the order they were recorded, for whoever pushes them on (the stream, webhooks): each with its
 * global position, its name ({@code route.alert-raised}…), the alert's organisation and route, and the alert as it
 * stood after the event.
 */
public interface AlertLog {

    /** Up to {@code limit} events after {@code position}, oldest first. */
    List<AlertEvent> after(long position, int limit);

    /** The position of the last alert event, or 0 when there is none. */
    long head();

    /** Waits up to {@code millis} for a new alert event projected by this instance. */
    void awaitNews(long millis) throws InterruptedException;

    /** One alert event. */
    record AlertEvent(long position, String event, String organisation, String routeId, Map<String, Object> alert) {
    }
}
