package org.travesia.query.incident.api;

import java.util.EnumSet;
import java.util.Set;

import org.travesia.kernel.common.ConsentUse;

/**
 * The consent uses a selection needs of each incident: {@code ofEveryReport} of every one, and
 * {@code ofOtherOrganisations} as well of those another organisation than the reader's reported. An incident whose
 * source carries a licence (a public dataset's) needs none. Nothing required means nothing is withheld.
 */
public record RequiredConsent(Set<ConsentUse> ofEveryReport, Set<ConsentUse> ofOtherOrganisations) {

    public RequiredConsent {
        ofEveryReport = ofEveryReport == null ? Set.of() : Set.copyOf(ofEveryReport);
        ofOtherOrganisations = ofOtherOrganisations == null ? Set.of() : Set.copyOf(ofOtherOrganisations);
    }

    public static RequiredConsent none() {
        return new RequiredConsent(Set.of(), Set.of());
    }

    public boolean isNone() {
        return ofEveryReport.isEmpty() && ofOtherOrganisations.isEmpty();
    }

    /** Every use named, in the order of {@link ConsentUse}: what another organisation's report needs. */
    public Set<ConsentUse> all() {
        Set<ConsentUse> all = EnumSet.noneOf(ConsentUse.class);
        all.addAll(ofEveryReport);
        all.addAll(ofOtherOrganisations);
        return all;
    }

    /** The same, with {@code use} also needed of every report (a declared purpose); null adds nothing. */
    public RequiredConsent and(ConsentUse use) {
        if (use == null) {
            return this;
        }
        Set<ConsentUse> every = EnumSet.of(use);
        every.addAll(ofEveryReport);
        return new RequiredConsent(every, ofOtherOrganisations);
    }
}
