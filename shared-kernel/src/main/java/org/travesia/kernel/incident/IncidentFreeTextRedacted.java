package org.travesia.kernel.incident;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/**
 * An analyst of the reporting organisation shredded the incident's free text (descriptions, localities, source
 * references, notes and reasons recorded so far): its key was deleted before this was recorded, so every earlier
 * value reads as redacted, in every event, read model, export and backup. Everything else stays. The reason is sealed
 * under the incident's next key.
 */
@EventType(name = "incident.free-text-redacted", revision = 1)
public record IncidentFreeTextRedacted(@DataSubject String incidentId, @PersonalData String reason) {
}
