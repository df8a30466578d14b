package org.travesia.kernel.missing;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** The case was closed, with the reason. */
@EventType(name = "missing-person.case-closed", revision = 1)
public record MissingPersonCaseClosed(@DataSubject String caseId, @PersonalData String reason) {
}
