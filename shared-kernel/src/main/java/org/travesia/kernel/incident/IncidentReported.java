package org.travesia.kernel.incident;

import org.axonframework.serialization.Revision;
import org.travesia.kernel.common.SharingLevel;

/** A monitor reported an incident. Who and when sit in the event's metadata and timestamp. */
@Revision("1")
public record IncidentReported(String incidentId, String organisation, String clientReportId,
                               String requestFingerprint, IncidentDetails details, SharingLevel sharing) {
}
