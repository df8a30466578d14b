package org.travesia.kernel.incident;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** An analyst verified the report (who: the event's metadata). */
@EventType(name = "incident.verified", revision = 1)
public record IncidentVerified(@DataSubject String incidentId, @PersonalData String note) {
}
