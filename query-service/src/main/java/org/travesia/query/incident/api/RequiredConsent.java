package org.travesia.query.incident.api;

import java.util.Collection;
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

    /** What both require: each report must then carry the consent of this and of {@code other}. */
    public RequiredConsent with(RequiredConsent other) {
        Set<ConsentUse> every = EnumSet.noneOf(ConsentUse.class);
        every.addAll(ofEveryReport);
        every.addAll(other.ofEveryReport);
        Set<ConsentUse> others = EnumSet.noneOf(ConsentUse.class);
        others.addAll(ofOtherOrganisations);
        others.addAll(other.ofOtherOrganisations);
        return new RequiredConsent(every, others);
    }

    /**
     * Whether a report carries what this requires, in memory: licensed, or consent obtained naming every use needed
     * of it ({@code ofEveryReport}, and {@code ofOtherOrganisations} too unless the reader's own organisation reported
     * it). Uses are given by name, as stored; a name this build does not know stands for nothing.
     */
    public boolean metBy(boolean readersOwn, Boolean obtained, Collection<String> uses, boolean licensed) {
        Set<ConsentUse> needed = readersOwn ? ofEveryReport : all();
        if (licensed || needed.isEmpty()) {
            return true;
        }
        return Boolean.TRUE.equals(obtained) && uses != null
                && needed.stream().allMatch(use -> uses.contains(use.name()));
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
