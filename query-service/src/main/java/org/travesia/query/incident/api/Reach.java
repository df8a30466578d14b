package org.travesia.query.incident.api;

import java.util.Set;

import org.travesia.kernel.common.ConsentUse;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.PartnerReadConsent;

/**
 * How a read reaches incidents, which decides the consent each must carry before the reader sees it at all, counted
 * or listed. It is part of the reader's scope, applied inside every query of the incident feature, so that no path
 * (search, one incident, history, as-of, counts, exports, aggregates) can forget it.
 * <ul>
 * <li>{@code NETWORK}, every read but the public export: a reader of another organisation gets the report with its
 * details, or a figure that can be narrowed to it (a day, a segment, a type), for its protection work. Another
 * organisation's report needs {@code PROTECTION}, as in the network's export; the reader's own organisation's need
 * none.</li>
 * <li>{@code PUBLIC}, the public export: published reports only, anonymised and coarsened for anyone. Every report,
 * the reader's own included, needs {@code ADVOCACY_AGGREGATED}: publishing anonymised, aggregated figures is that
 * use.</li>
 * </ul>
 * A report whose source carries a public dataset's licence needs no consent either way.
 */
public enum Reach {
    NETWORK(Set.of(), new RequiredConsent(Set.of(), Set.of(PartnerReadConsent.USE))),
    PUBLIC(Set.of(SharingLevel.PUBLIC), new RequiredConsent(Set.of(ConsentUse.ADVOCACY_AGGREGATED), Set.of()));

    private final Set<SharingLevel> sharing;
    private final RequiredConsent consent;

    Reach(Set<SharingLevel> sharing, RequiredConsent consent) {
        this.sharing = sharing;
        this.consent = consent;
    }

    /** The sharing levels this reach is limited to, on top of the reader's; empty: whatever the reader may read. */
    public Set<SharingLevel> sharing() {
        return sharing;
    }

    /** The consent each report must carry to be reached this way. */
    public RequiredConsent consent() {
        return consent;
    }
}
