package org.travesia.kernel.incident;

import org.axonframework.serialization.Revision;

/** An analyst verified the report (who: the event's metadata). */
@Revision("1")
public record IncidentVerified(String incidentId, String note) {
}
