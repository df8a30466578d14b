package org.travesia.command.incident.api;

import org.travesia.kernel.taxonomy.IncidentType;

/** An incident another feature may refer to: its type and how many died, as recorded (codes, counts; nothing personal). */
public record KnownIncident(String incidentId, String organisation, String type, Integer dead) {

    /** A death: recorded as one, or with someone dead. */
    public boolean isDeath() {
        return IncidentType.DEATH.name().equals(type) || (dead != null && dead > 0);
    }
}
