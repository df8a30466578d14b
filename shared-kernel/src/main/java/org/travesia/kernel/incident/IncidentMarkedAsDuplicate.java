package org.travesia.kernel.incident;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** The report duplicates {@code survivingIncidentId}: it leaves the counts but stays visible, pointing there. */
@EventType(name = "incident.marked-as-duplicate", revision = 1)
public record IncidentMarkedAsDuplicate(@DataSubject String incidentId, String survivingIncidentId,
                                        @PersonalData String reason) {
}
