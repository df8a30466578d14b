package org.travesia.kernel.incident;

import org.travesia.kernel.common.ConsentUse;

/**
 * The consent a report must carry before it reaches another organisation than the one that reported it, in any
 * form: listed, found by id, in a history, as of an instant, or counted in a figure (counts, risk views, alert rules),
 * since every such figure can be narrowed to one report (a day, a segment, a type). Sharing with the network is the
 * reporting organisation's decision; this is the person's. The reporting organisation's own readers need none.
 * <p>
 * query-service applies the rule inside every query of incidents (its read scope); the figures kept per incident
 * outside that read model (risk buckets, alert cells) record with each incident's contribution whether it carries
 * this consent, and count it for other organisations only if it does.
 */
public final class PartnerReadConsent {

    /** Another organisation's protection work is the use its reading makes of a report. */
    public static final ConsentUse USE = ConsentUse.PROTECTION;

    private PartnerReadConsent() {
    }

    /** Whether the consent recorded was obtained and names {@link #USE}. */
    public static boolean givenIn(IncidentFacts.Consent consent) {
        return consent != null && Boolean.TRUE.equals(consent.obtained()) && consent.uses() != null
                && consent.uses().contains(USE.name());
    }
}
