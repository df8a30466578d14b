package org.travesia.kernel.missing;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/**
 * Someone saw the person: when ({@code date}, {@code precision}), where, who says so ({@code SourceType} code), how
 * sure ({@code SightingConfidence} code), and a note.
 */
@EventType(name = "missing-person.sighting-recorded", revision = 1)
public record SightingRecorded(@DataSubject String caseId, String date, String precision,
                               MissingPersonFacts.Place place, String source, String confidence,
                               @PersonalData String note) {
}
