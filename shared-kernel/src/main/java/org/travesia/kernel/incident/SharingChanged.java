package org.travesia.kernel.incident;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** Who may see the report changed; {@code from} and {@code to} are {@code SharingLevel} codes. */
@EventType(name = "incident.sharing-changed", revision = 1)
public record SharingChanged(@DataSubject String incidentId, String from, String to, @PersonalData String reason) {
}
