package org.travesia.command.alert;

import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.kernel.alert.AcknowledgeRouteAlert;
import org.travesia.kernel.alert.AlertIds;
import org.travesia.kernel.alert.ResolveRouteAlert;
import org.travesia.kernel.common.Actor;
import org.travesia.platform.axon.CommandMetadata;
import org.travesia.platform.security.CurrentActor;
import org.travesia.platform.web.NotFoundException;

/** Analysts acknowledge and resolve their organisation's alerts: {@code /api/v1/alerts/{id}/…}. */
@RestController
@RequestMapping(path = "/api/v1/alerts", produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
class AlertController {

    private final CommandGateway commands;
    private final CurrentActor currentActor;

    AlertController(CommandGateway commands, CurrentActor currentActor) {
        this.commands = commands;
        this.currentActor = currentActor;
    }

    /** A note: why it was acknowledged or resolved. */
    record Note(String note) {
    }

    @PostMapping("/{alertId}/acknowledgement")
    @PreAuthorize("hasRole('ANALYST')")
    Map<String, Object> acknowledge(@PathVariable String alertId, @RequestBody Note body) {
        Actor actor = currentActor.get();
        send(new AcknowledgeRouteAlert(routeOf(alertId), alertId, body.note(), actor), actor);
        return Map.of("alertId", alertId, "status", "ACKNOWLEDGED");
    }

    @PostMapping("/{alertId}/resolution")
    @PreAuthorize("hasRole('ANALYST')")
    Map<String, Object> resolve(@PathVariable String alertId, @RequestBody Note body) {
        Actor actor = currentActor.get();
        send(new ResolveRouteAlert(routeOf(alertId), alertId, body.note(), actor), actor);
        return Map.of("alertId", alertId, "status", "RESOLVED");
    }

    private static String routeOf(String alertId) {
        String routeId = AlertIds.routeOf(alertId);
        if (routeId == null) {
            throw new NotFoundException("alert.not-found");
        }
        return routeId;
    }

    private void send(Object command, Actor actor) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(CommandMetadata.of(actor)));
    }
}
