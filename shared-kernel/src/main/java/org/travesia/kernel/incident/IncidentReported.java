package org.travesia.kernel.incident;

import org.axonframework.serialization.Revision;
import org.travesia.kernel.common.SharingLevel;

/**
 * A monitor reported an incident. {@code organisation} and {@code reportedBy} own the report (they decide who may
 * read and amend it); the event's metadata also records who acted, from which client, and its timestamp is when.
 */
@Revision("1")
public record IncidentReported(String incidentId, String organisation, String reportedBy, String clientReportId,
                               String requestFingerprint, IncidentDetails details, SharingLevel sharing) {
}
