package org.travesia.kernel.missing;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** The person was found alive, on {@code date} (ISO 8601). */
@EventType(name = "missing-person.found-alive", revision = 1)
public record MissingPersonFoundAlive(@DataSubject String caseId, String date, @PersonalData String note) {
}
