package org.travesia.command.route;

import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.command.route.MonitoringRoute.Defined;
import org.travesia.kernel.alert.AlertRule;
import org.travesia.kernel.alert.SetAlertRule;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.route.AddSegment;
import org.travesia.kernel.route.Area;
import org.travesia.kernel.route.DefineRoute;
import org.travesia.kernel.route.RedrawSegment;
import org.travesia.kernel.route.RetireSegment;
import org.travesia.kernel.route.RouteName;
import org.travesia.platform.axon.CommandMetadata;
import org.travesia.platform.security.CurrentActor;

/** Monitoring routes, their segments and alert rules: {@code /api/v1/routes}. Analysts draw them. */
@RestController
@RequestMapping(path = "/api/v1/routes", produces = MediaType.APPLICATION_JSON_VALUE)
class RouteController {

    private final CommandGateway commands;
    private final CurrentActor currentActor;
    private final RouteSeed seed;

    RouteController(CommandGateway commands, CurrentActor currentActor, RouteSeed seed) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.seed = seed;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    ResponseEntity<Map<String, Object>> define(@RequestBody RouteBodies.Route body) {
        Actor actor = currentActor.get();
        Violations v = new Violations();
        String routeId = RouteRequests.slug(v, "routeId", body.routeId());
        RouteName name = RouteRequests.name(v, body.name());
        var countries = RouteRequests.countries(v, body.countries());
        v.throwIfAny();
        Defined defined = send(new DefineRoute(routeId, name, countries, actor), actor);
        return ResponseEntity.status(defined.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Location", "/api/v1/routes/" + routeId)
                .body(Map.of("routeId", routeId));
    }

    @PostMapping(path = "/{routeId}/segments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    ResponseEntity<Map<String, Object>> addSegment(@PathVariable String routeId,
                                                   @RequestBody RouteBodies.Segment body) {
        Actor actor = currentActor.get();
        Violations v = new Violations();
        String segmentId = RouteRequests.slug(v, "segmentId", body.segmentId());
        RouteName name = RouteRequests.name(v, body.name());
        Area area = AreaGeometry.read(body.geometry(), "geometry", v);
        var adminAreas = RouteRequests.adminAreas(v, body.adminAreas());
        v.throwIfAny();
        send(new AddSegment(routeId, segmentId, name, area, adminAreas, Boolean.TRUE.equals(body.approximation()),
                actor), actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("routeId", routeId, "segmentId", segmentId));
    }

    @PostMapping(path = "/{routeId}/segments/{segmentId}/redrawing", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    Map<String, Object> redraw(@PathVariable String routeId, @PathVariable String segmentId,
                               @RequestBody RouteBodies.Redrawing body) {
        Actor actor = currentActor.get();
        Violations v = new Violations();
        Area area = AreaGeometry.read(body.geometry(), "geometry", v);
        var adminAreas = RouteRequests.adminAreas(v, body.adminAreas());
        v.throwIfAny();
        send(new RedrawSegment(routeId, segmentId, area, adminAreas, Boolean.TRUE.equals(body.approximation()),
                body.reason(), actor), actor);
        return Map.of("routeId", routeId, "segmentId", segmentId);
    }

    @PostMapping(path = "/{routeId}/segments/{segmentId}/retirement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    Map<String, Object> retire(@PathVariable String routeId, @PathVariable String segmentId,
                               @RequestBody RouteBodies.Retirement body) {
        Actor actor = currentActor.get();
        send(new RetireSegment(routeId, segmentId, body.reason(), actor), actor);
        return Map.of("routeId", routeId, "segmentId", segmentId);
    }

    @PostMapping(path = "/{routeId}/alert-rules", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ANALYST')")
    ResponseEntity<Map<String, Object>> setRule(@PathVariable String routeId, @RequestBody RouteBodies.Rule body) {
        Actor actor = currentActor.get();
        Violations v = new Violations();
        AlertRule rule = RouteRequests.rule(v, body);
        v.throwIfAny();
        send(new SetAlertRule(routeId, rule, actor), actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("routeId", routeId, "ruleId", rule.ruleId()));
    }

    /** Loads the reference routes of the Americas (approximate areas); what is there already is left as it is. */
    @PostMapping("/seed")
    @PreAuthorize("hasRole('ADMIN')")
    RouteSeed.Loaded loadSeed() {
        return seed.load(currentActor.get());
    }

    private <R> R send(Object command, Actor actor) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(CommandMetadata.of(actor)));
    }
}
