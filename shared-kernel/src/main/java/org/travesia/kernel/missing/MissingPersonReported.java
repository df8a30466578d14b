package org.travesia.kernel.missing;

import java.util.List;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/**
 * A person was reported missing. {@code organisation} owns the case; {@code sharing} is a {@code SharingLevel} code.
 * {@code searchTokens} are the blind-index tokens of the person's names and year of birth, sealed like the names: an
 * erased person's tokens must not stay confirmable, so the index is built only from what still opens.
 */
@EventType(name = "missing-person.reported", revision = 1)
public record MissingPersonReported(@DataSubject String caseId, String organisation, String reportedBy,
                                    String clientReportId, String requestFingerprint, MissingPersonFacts.Person person,
                                    MissingPersonFacts.LastSeen lastSeen, MissingPersonFacts.Reporter reporter,
                                    MissingPersonFacts.Consent consent, String sharing,
                                    @PersonalData List<String> searchTokens) {
}
