package org.travesia.query.incident.api;

import java.time.Instant;
import java.util.List;

import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.MmpRecord;

/**
 * One incident as the read model knows it, now or as of an instant: its curation state and its facts as recorded
 * (plain, never re-validated). {@code occurredFrom} is the earliest instant it may have occurred, null when the
 * recorded date cannot be read. {@code licence} is the licence of the public dataset it was taken from (its source's
 * licence), null for a report made here; {@code attribution}, whom that dataset asks to be credited (MMP's: "IOM
 * Missing Migrants Project"), null likewise. The facts' free text is opened; {@code redacted} names the fields whose text
 * was shredded (they are null). {@code mmp} is the Missing Migrants Project's record of an incident imported from
 * it, as imported; null for any other.
 */
public record IncidentState(String incidentId, long version, String status, String duplicateOf, String organisation,
                            String sharing, String reportedBy, Instant occurredFrom, Instant recordedAt,
                            Instant updatedAt, Integer effectiveSourceQuality, String licence, IncidentFacts details,
                            List<String> redacted, String attribution, MmpRecord mmp) {
}
