package org.travesia.kernel.missing;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** A link to an incident was withdrawn, with the reason. */
@EventType(name = "missing-person.incident-unlinked", revision = 1)
public record IncidentUnlinkedFromCase(@DataSubject String caseId, String incidentId, @PersonalData String reason) {
}
