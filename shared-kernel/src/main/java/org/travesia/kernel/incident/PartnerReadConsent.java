package org.travesia.kernel.incident;

import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.ConsentUse;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.Visibility;

/**
 * The consent a report must carry before it reaches another organisation than the one that reported it (or, for a
 * report taken from a public dataset, the dataset's licence, which stands in for it), in any
 * form: listed, found by id, in a history, as of an instant, or counted in a figure (counts, risk views, alert rules),
 * since every such figure can be narrowed to one report (a day, a segment, a type). Sharing with the network is the
 * reporting organisation's decision; this is the person's. The reporting organisation's own readers need none.
 * <p>
 * query-service applies the rule inside every query of incidents (its read scope); the write side applies
 * {@link #canSee} so that acting on a report one may not read looks like acting on one that does not exist; the
 * figures kept per incident
 * outside that read model (risk buckets, alert cells) record with each incident's contribution whether it carries
 * this consent, and count it for other organisations only if it does.
 */
public final class PartnerReadConsent {

    /** Another organisation's protection work is the use its reading makes of a report. */
    public static final ConsentUse USE = ConsentUse.PROTECTION;

    private PartnerReadConsent() {
    }

    /**
     * {@link Visibility#canSee}, and for another organisation than the reporting one, the consent as well, or a
     * public dataset's licence in its place ({@link #carriedBy}): whether {@code actor} may see a report at all.
     */
    public static boolean canSee(Actor actor, String organisation, SharingLevel sharing, IncidentFacts.Consent consent,
                                 MmpRecord publicRecord) {
        return Visibility.canSee(actor, organisation, sharing)
                && (actor.organisation().equals(organisation) || carriedBy(consent, publicRecord));
    }

    /**
     * Whether a report may reach another organisation: its consent names {@link #USE}, or it was taken from a public
     * dataset whose record carries a licence (MMP's CC BY-IGO), which stands in for consent: the person's story is
     * already published by whoever collected it, as the read scope and exports treat it.
     */
    public static boolean carriedBy(IncidentFacts.Consent consent, MmpRecord publicRecord) {
        return givenIn(consent) || licensed(publicRecord);
    }

    /** Whether the consent recorded was obtained and names {@link #USE}. */
    public static boolean givenIn(IncidentFacts.Consent consent) {
        return consent != null && Boolean.TRUE.equals(consent.obtained()) && consent.uses() != null
                && consent.uses().contains(USE.name());
    }

    /** Whether a public dataset's record carries a licence: a non-empty text, as the read model's filter has it. */
    public static boolean licensed(MmpRecord publicRecord) {
        return publicRecord != null && publicRecord.licence() != null && !publicRecord.licence().isEmpty();
    }
}
