package org.travesia.kernel.incident;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;

/**
 * An incident was taken from, or brought up to date with, the Missing Migrants Project: the MMP record as the
 * imported file had it ({@code record}, whole), and the date of the MMP revision it comes from. Recorded when an
 * import creates the incident and whenever a later file changes any of the record; the incident's own facts change
 * through {@code incident.reported} and {@code incident.amended} as for any report.
 */
@EventType(name = "incident.mmp-record-imported", revision = 1)
public record MmpRecordImported(@DataSubject String incidentId, MmpRecord record, String revisionOf) {
}
