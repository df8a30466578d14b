package org.travesia.kernel.missing;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** The case was opened again (closed too early, or the person found was someone else), with the reason. */
@EventType(name = "missing-person.case-reopened", revision = 1)
public record MissingPersonCaseReopened(@DataSubject String caseId, @PersonalData String reason) {
}
