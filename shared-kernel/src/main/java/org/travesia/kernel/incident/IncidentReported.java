package org.travesia.kernel.incident;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;

/**
 * A monitor reported an incident. {@code organisation} and {@code reportedBy} own the report (they decide who may
 * read and amend it); the event's metadata also records who acted, from which client, and its timestamp is when.
 * {@code sharing} is a {@code SharingLevel} code.
 */
@EventType(name = "incident.reported", revision = 1)
public record IncidentReported(@DataSubject String incidentId, String organisation, String reportedBy,
                               String clientReportId, String requestFingerprint, IncidentFacts details,
                               String sharing) {
}
