package org.travesia.kernel.incident;

import java.util.List;

import org.axonframework.serialization.Revision;

/** A report was corrected: its details as they now stand, which top-level fields changed, and why. */
@Revision("1")
public record IncidentAmended(String incidentId, IncidentDetails details, List<String> changedFields, String reason) {
}
