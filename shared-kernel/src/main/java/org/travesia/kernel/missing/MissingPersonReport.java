package org.travesia.kernel.missing;

import org.travesia.kernel.common.Consent;
import org.travesia.kernel.common.Violations;

/**
 * A missing person as reported: the person, when and where they were last seen, who reported them, and the consent
 * (obtained or not, for which uses, given by whom).
 */
public record MissingPersonReport(MissingPerson person, LastSeen lastSeen, Reporter reporter, Consent consent,
                                  ConsentGiver consentGivenBy) {

    public MissingPersonReport {
        Violations v = new Violations();
        v.check(person != null, "person.fullName", "field.required");
        v.check(lastSeen != null, "lastSeen.date", "field.required");
        v.throwIfAny();
        reporter = reporter == null ? new Reporter(null, null) : reporter;
        consent = consent == null ? Consent.notObtained() : consent;
    }
}
