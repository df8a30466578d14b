package org.travesia.kernel.missing;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** The person was found dead, in the death incident {@code incidentId}, which the case now links to. */
@EventType(name = "missing-person.found-deceased", revision = 1)
public record MissingPersonFoundDeceased(@DataSubject String caseId, String incidentId, @PersonalData String note) {
}
