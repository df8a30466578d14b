package org.travesia.kernel.missing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.SharingLevel;

/**
 * Report a missing person. As with incidents, {@code caseId} is derived from the organisation and the client's report
 * id, so a retry reaches the same case, and {@code requestFingerprint} tells a faithful retry from another report
 * reusing the id.
 */
public record ReportMissingPerson(@TargetAggregateIdentifier String caseId, String organisation, String reportedBy,
                                  String clientReportId, String requestFingerprint, MissingPersonReport report,
                                  SharingLevel sharing) {
}
