package org.travesia.kernel.incident;

import org.axonframework.serialization.Revision;

/** The report was retracted: out of the counts, unchangeable from now on, its history kept. */
@Revision("1")
public record IncidentRetracted(String incidentId, String reason) {
}
