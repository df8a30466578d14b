package org.travesia.query.export;

import java.util.Set;

import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.ConsentUse;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.FindIncidents;
import org.travesia.kernel.incident.IncidentStatus;
import org.travesia.query.incident.api.IncidentSelection;
import org.travesia.query.incident.api.Reach;
import org.travesia.query.incident.api.RequiredConsent;

/**
 * Who an export is for, which decides what it may contain, and which consent each report in it must carry.
 * <ul>
 * <li>{@code PUBLIC}: published reports only, not retracted or duplicated; no free text, no names, no organisation,
 * places no finer than about 15 km and only recognised subdivisions, dates and times no finer than a day, and small
 * counts (from 1 to {@code travesia.export.small-count-below} - 1, default 4) shown as a range ({@code "<5"}), so
 * that no one can be picked out. Consent to
 * {@code ADVOCACY_AGGREGATED}: publishing anonymised, aggregated figures is that use.</li>
 * <li>{@code NETWORK}: what is shared with the network or published, with its details; no people's names. Consent
 * to {@code PROTECTION}: the file is meant to travel among the network's organisations, for their protection work.</li>
 * <li>{@code INTERNAL}: everything the caller may read; names of people only for the caller's own organisation.
 * Analysts and admins only. Consent to {@code PROTECTION} of another organisation's reports, as in the network's
 * file; none of the caller's own organisation's reports, which it collected and works with already.</li>
 * </ul>
 * The public file reaches reports as the public ({@link Reach#PUBLIC}), the others as the network, whose consent the
 * reader's scope requires of every read anyway.
 * A declared purpose (a consent use, {@code LITIGATION} say) adds that use to what every report must carry. A report
 * whose source carries a public dataset's licence needs no consent.
 */
enum ExportAudience {
    PUBLIC,
    NETWORK,
    INTERNAL;

    /** The incidents this audience may receive of a search, for a purpose (null: none declared). */
    IncidentSelection selection(FindIncidents find, ConsentUse purpose) {
        return switch (this) {
            case PUBLIC -> new IncidentSelection(find, Set.of(SharingLevel.PUBLIC),
                    Set.of(IncidentStatus.REPORTED, IncidentStatus.VERIFIED), consent(purpose), Reach.PUBLIC);
            case NETWORK -> new IncidentSelection(find, Set.of(SharingLevel.NETWORK, SharingLevel.PUBLIC), Set.of(),
                    consent(purpose));
            case INTERNAL -> new IncidentSelection(find, Set.of(), Set.of(), consent(purpose));
        };
    }

    /** The consent this audience needs of each report, plus the purpose's use. */
    RequiredConsent consent(ConsentUse purpose) {
        RequiredConsent audience = switch (this) {
            case PUBLIC -> new RequiredConsent(Set.of(ConsentUse.ADVOCACY_AGGREGATED), Set.of());
            case NETWORK -> new RequiredConsent(Set.of(ConsentUse.PROTECTION), Set.of());
            case INTERNAL -> new RequiredConsent(Set.of(), Set.of(ConsentUse.PROTECTION));
        };
        return audience.and(purpose);
    }

    boolean allowedFor(Actor actor) {
        return this != INTERNAL || actor.has(Role.ANALYST) || actor.has(Role.ADMIN);
    }
}
