package org.travesia.kernel.incident;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** The report was retracted: out of the counts, unchangeable from now on, its history kept. */
@EventType(name = "incident.retracted", revision = 1)
public record IncidentRetracted(@DataSubject String incidentId, @PersonalData String reason) {
}
