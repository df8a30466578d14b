package org.travesia.query.incident;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.travesia.kernel.contract.EventType;
import org.travesia.platform.metrics.BoundedTagValues;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code travesia_incident_events_total}: incidents reported, amended, verified, retracted (every incident event), by
 * the event's stored name, the incident's type and its route. Counted once per event the projection applies, once
 * the writes of its batch are acknowledged: an event delivered again is not applied again, and a replay, which
 * applies every event anew, is not counted. A batch whose writes failed part-way is retried, and the events it had
 * written are then not applied again: those go uncounted (a counter, not a record; the read model has them). The
 * route and type tags hold at most {@value #MAX_ROUTES} and {@value #MAX_TYPES} distinct values per instance
 * ({@link BoundedTagValues}); nothing that names a person, an organisation or a report goes into a tag.
 */
@Component
class IncidentMetrics {

    static final String EVENTS = "travesia.incident.events";
    static final int MAX_ROUTES = 200;
    /** Types are taxonomy codes, but history and imports keep whatever code was recorded then. */
    static final int MAX_TYPES = 100;

    private final MeterRegistry registry;
    private final BoundedTagValues routes = new BoundedTagValues(MAX_ROUTES);
    private final BoundedTagValues types = new BoundedTagValues(MAX_TYPES);

    IncidentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An event was applied to the read model; {@code incident} is the incident's state after it. */
    void applied(EventMessage<?> message, Document incident) {
        if (ReplayToken.isReplay(message)) {
            return;
        }
        Document details = incident.get(IncidentDocument.DETAILS, Document.class);
        Counter.builder(EVENTS)
                .description("Incident events applied, by event, incident type and route")
                .tag("event", nameOf(message))
                .tag("type", types.of(details == null ? null : details.getString("type")))
                .tag("route", routes.of(details == null ? null : details.getString("routeId")))
                .register(registry)
                .increment();
    }

    private static String nameOf(EventMessage<?> message) {
        EventType type = message.getPayloadType().getAnnotation(EventType.class);
        return type == null ? message.getPayloadType().getSimpleName() : type.name();
    }
}
