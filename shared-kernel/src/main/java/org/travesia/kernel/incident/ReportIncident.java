package org.travesia.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.SharingLevel;

/**
 * Report a new incident. {@code incidentId} is derived from the organisation and the client's report id, so a retry
 * over a bad connection reaches the same aggregate; {@code requestFingerprint} tells a faithful retry from a
 * different report that reuses the id.
 */
public record ReportIncident(@TargetAggregateIdentifier String incidentId, String organisation, String reportedBy,
                             String clientReportId, String requestFingerprint, IncidentDetails details,
                             SharingLevel sharing) {
}
