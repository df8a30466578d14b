package org.travesia.kernel.incident;

import org.axonframework.serialization.Revision;

/** The report duplicates {@code survivingIncidentId}: it leaves the counts but stays visible, pointing there. */
@Revision("1")
public record IncidentMarkedAsDuplicate(String incidentId, String survivingIncidentId, String reason) {
}
