package org.travesia.kernel.missing;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** The person may have been part of an incident (a shipwreck, say). */
@EventType(name = "missing-person.incident-linked", revision = 1)
public record IncidentLinkedToCase(@DataSubject String caseId, String incidentId, @PersonalData String reason) {
}
