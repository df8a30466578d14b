package org.travesia.kernel.missing;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;

/**
 * The person's data key was deleted before this was recorded: every personal field of every event of the case is
 * unreadable from then on, and stays so. The case keeps its non-identifying facts. {@code reason} is an
 * {@link ErasureReason} code; nothing here is personal.
 */
@EventType(name = "missing-person.personal-data-erased", revision = 1)
public record PersonalDataErased(@DataSubject String caseId, String reason) {
}
