package org.travesia.query.alert;

import java.util.Date;
import java.util.function.Consumer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.travesia.kernel.alert.RouteAlertAcknowledged;
import org.travesia.kernel.alert.RouteAlertRaised;
import org.travesia.kernel.alert.RouteAlertResolved;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.query.InOrderProcessors;

/**
 * Projects alert events into the alert read models, in one segment so that {@code alert_events} grows in the order
 * the events were recorded: the stream and the webhooks read it forward by position and must never find an earlier
 * position appear behind a later one. Each alert changes only for an event after the last one applied to it.
 */
@Component
@ProcessingGroup(AlertProjection.PROCESSING_GROUP)
class AlertProjection {

    static final String PROCESSING_GROUP = InOrderProcessors.ALERTS;

    private final AlertReadModel readModel;

    AlertProjection(AlertReadModel readModel) {
        this.readModel = readModel;
    }

    @EventHandler
    void on(RouteAlertRaised event, EventMessage<?> message) {
        long position = position(message);
        Document alert = readModel.alert(event.alertId()).orElseGet(() -> new Document("_id", event.alertId())
                .append("routeId", event.routeId()).append("segmentId", event.segmentId())
                .append("organisation", event.organisation()).append("ruleId", event.ruleId())
                .append("status", "OPEN").append("raisedAt", Date.from(message.getTimestamp()))
                .append("raisedPosition", position)
                .append("window", new Document("from", event.windowFrom()).append("to", event.windowTo()))
                .append("figures", event.figures() == null ? null : new Document("incidents", event.figures().incidents())
                        .append("deadAndMissing", event.figures().deadAndMissing())
                        .append("threshold", event.figures().threshold())
                        .append("baselineWeeklyMean", event.figures().baselineWeeklyMean()))
                .append("incidentIds", event.incidentIds()).append("lastPosition", position));
        readModel.save(alert);
        readModel.record(position, "route.alert-raised", alert);
    }

    @EventHandler
    void on(RouteAlertAcknowledged event, EventMessage<?> message) {
        change(event.alertId(), message, "route.alert-acknowledged", alert -> alert.append("status", "ACKNOWLEDGED")
                .append("acknowledgement", curation(message, event.note())));
    }

    @EventHandler
    void on(RouteAlertResolved event, EventMessage<?> message) {
        change(event.alertId(), message, "route.alert-resolved", alert -> alert.append("status", "RESOLVED")
                .append("resolution", curation(message, event.note())));
    }

    @ResetHandler
    void reset() {
        readModel.deleteAll();
    }

    private void change(String alertId, EventMessage<?> message, String event, Consumer<Document> change) {
        long position = position(message);
        readModel.alert(alertId).ifPresent(alert -> {
            if (position > alert.getLong("lastPosition")) {
                change.accept(alert);
                alert.append("lastPosition", position);
                readModel.save(alert);
            }
            readModel.record(position, event, alert);
        });
    }

    private static Document curation(EventMessage<?> message, String note) {
        return new Document("at", Date.from(message.getTimestamp()))
                .append("by", message.getMetaData().get(MetadataKeys.USER)).append("note", note);
    }

    private static long position(EventMessage<?> message) {
        return ((Number) message.getMetaData().get(MetadataKeys.GLOBAL_POSITION)).longValue();
    }
}
