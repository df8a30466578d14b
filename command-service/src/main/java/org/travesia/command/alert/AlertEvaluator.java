package org.travesia.command.alert;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.travesia.command.InOrderProcessors;
import org.travesia.kernel.alert.AlertIds;
import org.travesia.kernel.alert.AlertRuleSet;
import org.travesia.kernel.alert.RaiseOutcome;
import org.travesia.kernel.alert.RaiseRouteAlert;
import org.travesia.kernel.alert.RouteAlertRaised;
import org.travesia.kernel.alert.RouteAlertResolved;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentMarkedAsDuplicate;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.MmpRecordImported;
import org.travesia.kernel.incident.PartnerReadConsent;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentRouteDerived;
import org.travesia.kernel.incident.IncidentRouteOverridden;
import org.travesia.kernel.incident.RouteAssignment;
import org.travesia.kernel.incident.SharingChanged;
import org.travesia.platform.axon.ProcessorCommands;
import org.travesia.platform.viewwrites.ViewWritesPerBatch;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Evaluates the alert rules as incidents arrive, are corrected, assigned, shared, marked duplicate or retracted. Each
 * incident sits in one day cell of its route and segment ({@link AlertState}); when it is placed or changes there,
 * every rule of its route that watches that segment is evaluated over the cells around that day
 * ({@link RuleEvaluation}), and a crossing sends {@link RaiseRouteAlert} to the route, unless evaluation already
 * holds an unresolved alert for that rule and segment.
 * <p>
 * No alert twice: the alert id is derived from the organisation, the rule, the segment and the position of the
 * event being handled; the route raises an id once only and keeps one unresolved alert per rule and segment. This
 * processor runs in one segment (in recorded order) and decides only from the events before the one it handles, so a
 * replay from the start sends exactly the commands the first run sent, and the route recognises every one.
 * <p>
 * Its state is written once per batch, when the batch ends and before its token ({@link AlertState}). An alert is
 * raised by the route before the state that holds it open is written ({@link ProcessorCommands} commits each command
 * on its own, not with the batch): a crash between the two hands the batch again, which raises the same alert id,
 * and the route answers with the alert it holds instead of raising another. A raise that fails otherwise (the store
 * unreachable, say) parks the event; the incident's state is saved marked {@value #UNEVALUATED} until its rules have
 * been evaluated, so the operator's retry of the parked event evaluates them again and raises the alert.
 */
@Component
@ProcessingGroup(InOrderProcessors.ROUTE_ALERTS)
class AlertEvaluator {

    static final Actor ACTOR = new Actor("alert-evaluation", "travesia", Set.of(Role.ADMIN));
    /** In an incident's state: its rules were not evaluated since it was last placed (a raise failed). */
    static final String UNEVALUATED = "unevaluated";

    /** Its processor sends a batch's writes when the batch ends, before it stores its token. */
    @Bean
    static ConfigurerModule writesPerBatchOfRouteAlerts() {
        return ViewWritesPerBatch.on(List.of(InOrderProcessors.ROUTE_ALERTS));
    }
    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final AlertState state;
    private final CommandGateway commands;
    private final MeterRegistry meters;

    AlertEvaluator(AlertState state, CommandGateway commands, MeterRegistry meters) {
        this.state = state;
        this.commands = commands;
        this.meters = meters;
    }

    @EventHandler
    void on(AlertRuleSet event) {
        state.saveRule(event);
    }

    @EventHandler
    void on(RouteAlertRaised event) {
        state.markOpen(openKey(event.routeId(), event.organisation(), event.ruleId(), event.segmentId()),
                event.alertId());
    }

    @EventHandler
    void on(RouteAlertResolved event) {
        state.markResolved(event.alertId());
    }

    @EventHandler
    void on(IncidentReported event, EventMessage<?> message) {
        IncidentFacts facts = event.details();
        Document incident = new Document("_id", event.incidentId()).append("organisation", event.organisation())
                .append("sharing", event.sharing()).append("duplicate", false).append("retracted", false)
                .append("reportedRoute", facts.routeId()).append("reportedSegment", facts.segmentId());
        withFacts(incident, facts, null);
        place(incident, message);
    }

    @EventHandler
    void on(IncidentAmended event, EventMessage<?> message) {
        change(event.incidentId(), message, incident -> {
            withFacts(incident, event.changes(), event.changedFields());
            if (event.changedFields().contains("routeId")) {
                incident.append("reportedRoute", event.changes().routeId());
            }
            if (event.changedFields().contains("segmentId")) {
                incident.append("reportedSegment", event.changes().segmentId());
            }
        });
    }

    /** MMP's record: its licence stands in for consent, for the rules as for the read scope. */
    @EventHandler
    void on(MmpRecordImported event, EventMessage<?> message) {
        change(event.incidentId(), message,
                incident -> incident.append("licensed", PartnerReadConsent.licensed(event.record())));
    }

    @EventHandler
    void on(IncidentRouteDerived event, EventMessage<?> message) {
        change(event.incidentId(), message, incident -> incident.append("derivedRoute", event.routeId())
                .append("derivedSegment", event.segmentId()));
    }

    @EventHandler
    void on(IncidentRouteOverridden event, EventMessage<?> message) {
        change(event.incidentId(), message, incident -> incident.append("overriddenRoute", event.routeId())
                .append("overriddenSegment", event.segmentId()));
    }

    @EventHandler
    void on(SharingChanged event, EventMessage<?> message) {
        change(event.incidentId(), message, incident -> incident.append("sharing", event.to()));
    }

    @EventHandler
    void on(IncidentMarkedAsDuplicate event, EventMessage<?> message) {
        change(event.incidentId(), message, incident -> incident.append("duplicate", true));
    }

    @EventHandler
    void on(IncidentRetracted event, EventMessage<?> message) {
        change(event.incidentId(), message, incident -> incident.append("retracted", true));
    }

    @ResetHandler
    void reset() {
        state.deleteAll();
    }

    private void change(String incidentId, EventMessage<?> message, Consumer<Document> change) {
        state.incident(incidentId).ifPresent(incident -> {
            change.accept(incident);
            place(incident, message);
        });
    }

    /**
     * Moves the incident's contribution from the cell it was in to the cell it belongs in now (none for a duplicate,
     * a retracted report, or one without route or date), then evaluates the rules on the new cell.
     */
    private void place(Document incident, EventMessage<?> message) {
        String incidentId = incident.getString("_id");
        RouteAssignment at = RouteAssignment.effective(
                RouteAssignment.analyst(incident.getString("overriddenRoute"), incident.getString("overriddenSegment")),
                RouteAssignment.reported(incident.getString("reportedRoute"), incident.getString("reportedSegment")),
                RouteAssignment.derived(incident.getString("derivedRoute"), incident.getString("derivedSegment")));
        LocalDate day = day(incident.getString("occurredAt"));
        boolean counts = at.routeId() != null && day != null && !incident.getBoolean("duplicate")
                && !incident.getBoolean("retracted");
        String cell = counts ? AlertState.cellId(at.routeId(), at.segmentId(), day) : null;
        long position = position(message);
        CellEntry entry = counts ? new CellEntry(incidentId, incident.getString("organisation"),
                incident.getString("sharing"), Boolean.TRUE.equals(incident.getBoolean("partnerConsent"))
                        || Boolean.TRUE.equals(incident.getBoolean("licensed")),
                incident.getString("type"), incident.getInteger("deadAndMissing", 0), position) : null;
        String oldCell = incident.getString("cell");
        Document oldEntry = incident.get("entry", Document.class);
        boolean unchanged = Objects.equals(cell, oldCell) && (entry == null ? oldEntry == null
                : oldEntry != null && entry.contributesAs(CellEntry.of(incidentId, oldEntry)));
        boolean evaluated = !Boolean.TRUE.equals(incident.getBoolean(UNEVALUATED));
        if (unchanged && evaluated) {
            state.saveIncident(incident);
            return;
        }
        if (!unchanged) {
            if (oldCell != null) {
                state.removeFromCell(oldCell, incidentId);
            }
            if (cell != null) {
                state.putInCell(cell, entry);
            }
            incident.append("cell", cell).append("entry", entry == null ? null : entry.toDocument());
        }
        if (cell != null) {
            // Saved first as not evaluated yet: a raise that fails parks the event, and the batch's writes, this one
            // among them, are sent when it ends. The state then knows the incident's cell (its later events move it,
            // should the parked one be evicted), and the retried event, finding nothing changed, still evaluates.
            state.saveIncident(new Document(incident).append(UNEVALUATED, true));
            evaluate(at.routeId(), at.segmentId(), day, position);
        }
        incident.remove(UNEVALUATED);
        state.saveIncident(incident);
    }

    private void evaluate(String routeId, String segmentId, LocalDate day, long position) {
        for (AlertRuleSet rule : state.rules(routeId)) {
            if (rule.segmentId() != null && !rule.segmentId().equals(segmentId)) {
                continue;
            }
            String openKey = openKey(routeId, rule.organisation(), rule.ruleId(), segmentId);
            if (state.openAlert(openKey).isPresent()) {
                continue;
            }
            var cells = state.cells(routeId, segmentId, RuleEvaluation.daysNeeded(rule, day));
            Optional<RuleEvaluation.Crossing> crossing = RuleEvaluation.evaluate(rule, day,
                    RuleEvaluation.from(cells, position));
            crossing.ifPresent(c -> raise(rule, segmentId, c, position, openKey));
        }
    }

    private void raise(AlertRuleSet rule, String segmentId, RuleEvaluation.Crossing crossing, long position,
                       String openKey) {
        String alertId = AlertIds.of(rule.routeId(), rule.organisation(), rule.ruleId(), segmentId, position);
        RaiseOutcome outcome = ProcessorCommands.send(commands, new RaiseRouteAlert(rule.routeId(), alertId,
                rule.organisation(), rule.ruleId(), segmentId, crossing.from().toString(), crossing.to().toString(),
                crossing.figures(), crossing.incidentIds(), position), ACTOR);
        if (outcome.openAlertId() != null) {
            state.markOpen(openKey, outcome.openAlertId());
        }
        if (outcome.raised()) {
            // Tagged by route (a slug drawn by analysts, a handful of values), never by organisation or id.
            meters.counter("travesia.alerts.raised", "route", rule.routeId()).increment();
            log.info("Alert {} raised on route {} by rule {}", alertId, rule.routeId(), rule.ruleId());
        }
    }

    private static void withFacts(Document incident, IncidentFacts facts, List<String> changed) {
        if (changed == null || changed.contains("type")) {
            incident.append("type", facts.type());
        }
        if (changed == null || changed.contains("occurredAt")) {
            incident.append("occurredAt", facts.occurredAt());
        }
        if (changed == null || changed.contains("affected")) {
            IncidentFacts.Affected affected = facts.affected();
            int dead = affected == null || affected.dead() == null ? 0 : affected.dead();
            int missing = affected == null || affected.missing() == null ? 0 : affected.missing();
            incident.append("deadAndMissing", dead + missing);
        }
        if (changed == null || changed.contains("consent")) {
            incident.append("partnerConsent", PartnerReadConsent.givenIn(facts.consent()));
        }
    }

    /** The day an incident occurred on: the date of an ISO date or date-time, as it was recorded. */
    private static LocalDate day(String occurredAt) {
        if (occurredAt == null || occurredAt.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(occurredAt.substring(0, 10));
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static String openKey(String routeId, String organisation, String ruleId, String segmentId) {
        return AlertIds.of(routeId, organisation, ruleId, segmentId, -1);
    }

    private static long position(EventMessage<?> message) {
        return ((Number) message.getMetaData().get(MetadataKeys.GLOBAL_POSITION)).longValue();
    }
}
