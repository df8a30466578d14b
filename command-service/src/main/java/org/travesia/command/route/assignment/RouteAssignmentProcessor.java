package org.travesia.command.route.assignment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.travesia.command.InOrderProcessors;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.incident.DeriveIncidentRoute;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentRouteDerived;
import org.travesia.kernel.incident.IncidentRouteOverridden;
import org.travesia.kernel.route.RouteDefined;
import org.travesia.kernel.route.SegmentAdded;
import org.travesia.kernel.route.SegmentRedrawn;
import org.travesia.kernel.route.SegmentRetired;
import org.travesia.platform.axon.ProcessorCommands;
import org.travesia.platform.viewwrites.ViewWritesPerBatch;

/**
 * Assigns a route and segment to incidents whose report does not name its segment, by point in polygon on their
 * coordinates ({@link SegmentIndex}), and sends {@link DeriveIncidentRoute} when the answer differs from the one last
 * recorded. When:
 * <ul>
 * <li>a report or an amendment that moves the coordinates or changes the named route: that incident;</li>
 * <li>a segment added, redrawn or retired: every derivable incident is looked at again (one scan of this processor's
 * incidents), and those whose answer changed are derived again, at that point in the event stream.</li>
 * </ul>
 * It runs in one segment, so that it sees segments and incidents in the order they were recorded. Every command
 * names the position of the event it follows from, and the incident records nothing stale or unchanged, so a
 * retry, a restart or a replay from the start sends only commands that record nothing. An analyst's override and a
 * report that names its segment are never touched.
 * <p>
 * Its state is written once per batch, when the batch ends and before its token ({@link AssignmentState}). A
 * derivation is recorded by the incident before the state that remembers it is written
 * ({@link ProcessorCommands} commits each command on its own, not with the batch): a crash between the two hands the
 * batch again, which sends the same commands, and the incident records nothing twice.
 */
@Component
@ProcessingGroup(RouteAssignmentProcessor.PROCESSING_GROUP)
class RouteAssignmentProcessor {

    static final String PROCESSING_GROUP = InOrderProcessors.ROUTE_ASSIGNMENT;
    static final Actor ACTOR = new Actor("route-assignment", "travesia", Set.of(Role.ADMIN));

    /** Its processor sends a batch's writes when the batch ends, before it stores its token. */
    @Bean
    static ConfigurerModule writesPerBatchOfRouteAssignment() {
        return ViewWritesPerBatch.on(List.of(PROCESSING_GROUP));
    }

    private final AssignmentState state;
    private final CommandGateway commands;
    private SegmentIndex index;
    private long indexVersion = -1;

    RouteAssignmentProcessor(AssignmentState state, CommandGateway commands) {
        this.state = state;
        this.commands = commands;
    }

    @EventHandler
    void on(RouteDefined event) {
        state.saveRoute(event.routeId());
    }

    @EventHandler
    void on(SegmentAdded event, EventMessage<?> message) {
        state.saveSegment(event.routeId(), event.segmentId(), event.area(), true);
        segmentsChanged(position(message));
    }

    @EventHandler
    void on(SegmentRedrawn event, EventMessage<?> message) {
        state.saveSegment(event.routeId(), event.segmentId(), event.area(), true);
        segmentsChanged(position(message));
    }

    @EventHandler
    void on(SegmentRetired event, EventMessage<?> message) {
        state.retireSegment(event.routeId(), event.segmentId());
        segmentsChanged(position(message));
    }

    @EventHandler
    void on(IncidentReported event, EventMessage<?> message) {
        IncidentFacts facts = event.details();
        IncidentFacts.Coordinates at = facts.place() == null ? null : facts.place().coordinates();
        var place = new AssignmentState.IncidentPlace(event.incidentId(), at == null ? null : at.lon(),
                at == null ? null : at.lat(), facts.routeId(), facts.segmentId(), false, false, null, null);
        state.save(place);
        derive(place, position(message));
    }

    @EventHandler
    void on(IncidentAmended event, EventMessage<?> message) {
        boolean moved = event.changedFields().contains("place");
        boolean renamed = event.changedFields().contains("routeId") || event.changedFields().contains("segmentId");
        if (!moved && !renamed) {
            return;
        }
        state.incident(event.incidentId()).ifPresent(known -> {
            IncidentFacts.Coordinates at = event.changes().place() == null ? null
                    : event.changes().place().coordinates();
            var place = new AssignmentState.IncidentPlace(known.incidentId(),
                    moved ? (at == null ? null : at.lon()) : known.lon(),
                    moved ? (at == null ? null : at.lat()) : known.lat(),
                    event.changedFields().contains("routeId") ? event.changes().routeId() : known.namedRouteId(),
                    event.changedFields().contains("segmentId") ? event.changes().segmentId() : known.namedSegmentId(),
                    known.overridden(), known.retracted(), known.derivedRouteId(), known.derivedSegmentId());
            state.save(place);
            derive(place, position(message));
        });
    }

    @EventHandler
    void on(IncidentRouteDerived event) {
        state.incident(event.incidentId()).ifPresent(known ->
                state.save(known.derived(event.routeId(), event.segmentId())));
    }

    @EventHandler
    void on(IncidentRouteOverridden event) {
        state.incident(event.incidentId()).ifPresent(known -> state.save(new AssignmentState.IncidentPlace(
                known.incidentId(), known.lon(), known.lat(), known.namedRouteId(), known.namedSegmentId(), true,
                known.retracted(), known.derivedRouteId(), known.derivedSegmentId())));
    }

    @EventHandler
    void on(IncidentRetracted event) {
        state.incident(event.incidentId()).ifPresent(known -> state.save(new AssignmentState.IncidentPlace(
                known.incidentId(), known.lon(), known.lat(), known.namedRouteId(), known.namedSegmentId(),
                known.overridden(), true, known.derivedRouteId(), known.derivedSegmentId())));
    }

    @ResetHandler
    void reset() {
        state.deleteAll();
        index = null;
        indexVersion = -1;
    }

    private void segmentsChanged(long position) {
        state.segmentsChangedAt(position);
        for (AssignmentState.IncidentPlace place : state.derivableIncidents()) {
            derive(place, position);
        }
    }

    private void derive(AssignmentState.IncidentPlace place, long position) {
        if (!place.derivable()) {
            return;
        }
        Optional<SegmentIndex.Hit> hit = place.lon() == null || place.lat() == null ? Optional.empty()
                : index().locate(place.lon(), place.lat(), place.namedRouteId());
        String routeId = hit.map(SegmentIndex.Hit::routeId).orElse(null);
        String segmentId = hit.map(SegmentIndex.Hit::segmentId).orElse(null);
        if (Objects.equals(routeId, place.derivedRouteId()) && Objects.equals(segmentId, place.derivedSegmentId())) {
            return;
        }
        ProcessorCommands.send(commands, new DeriveIncidentRoute(place.incidentId(), routeId, segmentId, position),
                ACTOR);
        state.save(place.derived(routeId, segmentId));
    }

    private SegmentIndex index() {
        long version = state.segmentsVersion();
        if (index == null || version != indexVersion) {
            index = new SegmentIndex(state.activeSegments());
            indexVersion = version;
        }
        return index;
    }

    private static long position(EventMessage<?> message) {
        return ((Number) message.getMetaData().get(MetadataKeys.GLOBAL_POSITION)).longValue();
    }
}
