package org.travesia.command.incident.api;

import java.util.Optional;

import org.travesia.kernel.common.Actor;

/** What the incident feature tells other features of command-service: whether an incident exists for an actor. */
public interface IncidentLookup {

    /** The incident as its events say it is now; empty when it does not exist or the actor may not see it. */
    Optional<KnownIncident> find(String incidentId, Actor actor);
}
