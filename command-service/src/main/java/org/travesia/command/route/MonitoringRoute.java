package org.travesia.command.route;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.travesia.kernel.alert.AcknowledgeRouteAlert;
import org.travesia.kernel.alert.AlertRule;
import org.travesia.kernel.alert.AlertRuleSet;
import org.travesia.kernel.alert.RaiseOutcome;
import org.travesia.kernel.alert.RaiseRouteAlert;
import org.travesia.kernel.alert.ResolveRouteAlert;
import org.travesia.kernel.alert.RouteAlertAcknowledged;
import org.travesia.kernel.alert.RouteAlertRaised;
import org.travesia.kernel.alert.RouteAlertResolved;
import org.travesia.kernel.alert.SetAlertRule;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.route.AddSegment;
import org.travesia.kernel.route.DefineRoute;
import org.travesia.kernel.route.RedrawSegment;
import org.travesia.kernel.route.RetireSegment;
import org.travesia.kernel.route.RouteDefined;
import org.travesia.kernel.route.SegmentAdded;
import org.travesia.kernel.route.SegmentRedrawn;
import org.travesia.kernel.route.SegmentRetired;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;

/**
 * A monitored route: its segments, the alert rules organisations set on it, and their alerts. The rules:
 * <ul>
 * <li>routes and segments are network-wide reference data, drawn by analysts; defining a route again with the same
 * name and countries changes nothing, and a segment id, once used, is never used again (retired or not);</li>
 * <li>a rule belongs to the organisation that set it; only that organisation's analysts see, acknowledge and
 * resolve its alerts (to anyone else they do not exist);</li>
 * <li>at most one unresolved alert per rule and segment, and an alert id already raised is never raised again, so
 * the evaluator's retries, restarts and replays raise nothing new;</li>
 * <li>reasons and notes are sealed under the route's own key before they are recorded.</li>
 * </ul>
 */
@Aggregate
public class MonitoringRoute {

    @AggregateIdentifier
    private String routeId;
    private RouteDefined definition;
    private final Set<String> activeSegments = new HashSet<>();
    private final Set<String> usedSegmentIds = new HashSet<>();
    private final Set<String> ruleKeys = new HashSet<>();
    private final Map<String, Alert> alerts = new HashMap<>();
    /** The unresolved alert of each rule and segment. */
    private final Map<String, String> openAlerts = new HashMap<>();

    protected MonitoringRoute() {
        // For Axon: rebuilt from its events.
    }

    /** What defining a route answered: whether it was new. */
    public record Defined(String routeId, boolean created) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Defined handle(DefineRoute command) {
        requireAnalyst(command.actor());
        RouteDefined wanted = new RouteDefined(command.routeId(), command.name(), List.copyOf(command.countries()));
        if (routeId != null) {
            if (!wanted.equals(definition)) {
                throw new ConflictException("route.exists");
            }
            return new Defined(routeId, false);
        }
        apply(wanted);
        return new Defined(command.routeId(), true);
    }

    @CommandHandler
    public void handle(AddSegment command) {
        requireDefined();
        requireAnalyst(command.actor());
        if (usedSegmentIds.contains(command.segmentId())) {
            throw new ConflictException("route.segment.exists");
        }
        apply(new SegmentAdded(routeId, command.segmentId(), command.name(), command.area(),
                List.copyOf(command.adminAreas()), command.approximation()));
    }

    @CommandHandler
    public void handle(RedrawSegment command, PersonalDataCipher cipher) {
        requireDefined();
        requireAnalyst(command.actor());
        requireActiveSegment(command.segmentId());
        requireReason(command.reason());
        apply(new SegmentRedrawn(routeId, command.segmentId(), command.area(), List.copyOf(command.adminAreas()),
                command.approximation(), sealed(cipher, "reason", command.reason())));
    }

    @CommandHandler
    public void handle(RetireSegment command, PersonalDataCipher cipher) {
        requireDefined();
        requireAnalyst(command.actor());
        requireActiveSegment(command.segmentId());
        requireReason(command.reason());
        apply(new SegmentRetired(routeId, command.segmentId(), sealed(cipher, "reason", command.reason())));
    }

    @CommandHandler
    public void handle(SetAlertRule command) {
        requireDefined();
        requireAnalyst(command.actor());
        AlertRule rule = command.rule();
        if (rule.segmentId() != null && !activeSegments.contains(rule.segmentId())) {
            throw new InvalidValueException("segmentId", "route.segment.unknown");
        }
        apply(new AlertRuleSet(routeId, command.actor().organisation(), rule.ruleId(), rule.kind().name(),
                rule.segmentId(), rule.incidentTypes(), rule.minCount(), rule.minDeadAndMissing(), rule.windowDays(),
                rule.factor(), rule.baselineWeeks()));
    }

    /**
     * Raises an alert unless this crossing was seen before (same id) or the rule already has an unresolved alert on
     * the segment; either way the evaluator learns which alert is open.
     */
    @CommandHandler
    public RaiseOutcome handle(RaiseRouteAlert command) {
        requireDefined();
        String key = openKey(command.organisation(), command.ruleId(), command.segmentId());
        if (alerts.containsKey(command.alertId())) {
            return new RaiseOutcome(command.alertId(), false);
        }
        if (!ruleKeys.contains(ruleKey(command.organisation(), command.ruleId()))) {
            throw new InvalidValueException("ruleId", "alert-rule.unknown");
        }
        if (openAlerts.containsKey(key)) {
            return new RaiseOutcome(openAlerts.get(key), false);
        }
        apply(new RouteAlertRaised(routeId, command.alertId(), command.organisation(), command.ruleId(),
                command.segmentId(), command.windowFrom(), command.windowTo(), command.figures(),
                List.copyOf(command.incidentIds()), command.triggerPosition()));
        return new RaiseOutcome(command.alertId(), true);
    }

    @CommandHandler
    public void handle(AcknowledgeRouteAlert command, PersonalDataCipher cipher) {
        Alert alert = alertOf(command.actor(), command.alertId());
        requireNote(command.note());
        if (alert.status() != AlertStatus.OPEN) {
            throw new ConflictException("alert.not-open", alert.status().name());
        }
        apply(new RouteAlertAcknowledged(routeId, command.alertId(), sealed(cipher, "note", command.note())));
    }

    @CommandHandler
    public void handle(ResolveRouteAlert command, PersonalDataCipher cipher) {
        Alert alert = alertOf(command.actor(), command.alertId());
        requireNote(command.note());
        if (alert.status() == AlertStatus.RESOLVED) {
            throw new ConflictException("alert.not-open", alert.status().name());
        }
        apply(new RouteAlertResolved(routeId, command.alertId(), sealed(cipher, "note", command.note())));
    }

    /** A note or reason sealed under the route's key, as every free text is before it is recorded. */
    private String sealed(PersonalDataCipher cipher, String field, String text) {
        return cipher.sealerFor(DataSubject.route(routeId)).seal(field, text);
    }

    private Alert alertOf(Actor actor, String alertId) {
        requireDefined();
        Alert alert = alerts.get(alertId);
        if (alert == null || !alert.organisation().equals(actor.organisation())) {
            throw new AggregateNotFoundException(alertId, "No alert with this id");
        }
        requireAnalyst(actor);
        return alert;
    }

    private void requireDefined() {
        if (routeId == null) {
            throw new AggregateNotFoundException("route", "No route with this id");
        }
    }

    private void requireActiveSegment(String segmentId) {
        if (!activeSegments.contains(segmentId)) {
            throw new InvalidValueException("segmentId", "route.segment.unknown");
        }
    }

    private static void requireAnalyst(Actor actor) {
        if (!actor.has(Role.ANALYST) && !actor.has(Role.ADMIN)) {
            throw new NotPermittedException("route.analysts-only");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason", "incident.reason.required");
        }
        RouteRules.requireShortText("reason", reason);
    }

    private static void requireNote(String note) {
        if (note == null || note.isBlank()) {
            throw new InvalidValueException("note", "alert.note.required");
        }
        RouteRules.requireShortText("note", note);
    }

    private static String ruleKey(String organisation, String ruleId) {
        return organisation + "\u0000" + ruleId;
    }

    private static String openKey(String organisation, String ruleId, String segmentId) {
        return ruleKey(organisation, ruleId) + "\u0000" + Objects.requireNonNullElse(segmentId, "");
    }

    @EventSourcingHandler
    void on(RouteDefined event) {
        routeId = event.routeId();
        definition = event;
    }

    @EventSourcingHandler
    void on(SegmentAdded event) {
        activeSegments.add(event.segmentId());
        usedSegmentIds.add(event.segmentId());
    }

    @EventSourcingHandler
    void on(SegmentRetired event) {
        activeSegments.remove(event.segmentId());
    }

    @EventSourcingHandler
    void on(AlertRuleSet event) {
        ruleKeys.add(ruleKey(event.organisation(), event.ruleId()));
    }

    @EventSourcingHandler
    void on(RouteAlertRaised event) {
        alerts.put(event.alertId(), new Alert(event.organisation(), openKey(event.organisation(), event.ruleId(),
                event.segmentId()), AlertStatus.OPEN));
        openAlerts.put(openKey(event.organisation(), event.ruleId(), event.segmentId()), event.alertId());
    }

    @EventSourcingHandler
    void on(RouteAlertAcknowledged event) {
        alerts.computeIfPresent(event.alertId(), (id, alert) -> alert.with(AlertStatus.ACKNOWLEDGED));
    }

    @EventSourcingHandler
    void on(RouteAlertResolved event) {
        Alert alert = alerts.get(event.alertId());
        alerts.put(event.alertId(), alert.with(AlertStatus.RESOLVED));
        openAlerts.remove(alert.openKey(), event.alertId());
    }

    private enum AlertStatus { OPEN, ACKNOWLEDGED, RESOLVED }

    private record Alert(String organisation, String openKey, AlertStatus status) {

        Alert with(AlertStatus next) {
            return new Alert(organisation, openKey, next);
        }
    }
}
