package org.travesia.query.export;

import java.util.Set;

import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.FindIncidents;
import org.travesia.kernel.incident.IncidentStatus;
import org.travesia.query.incident.api.IncidentSelection;

/**
 * Who an export is for, which decides what it may contain.
 * <ul>
 * <li>{@code PUBLIC}: published reports only, not retracted or duplicated; no free text, no names, no organisation,
 * places no finer than about 15 km, dates no finer than a day, and counts from 1 to {@value #SMALL_COUNT_BELOW}
 * - 1 shown as {@code "<5"}, so that no one can be picked out.</li>
 * <li>{@code NETWORK}: what is shared with the network or published, with its details; no people's names.</li>
 * <li>{@code INTERNAL}: everything the caller may read; names of people only for the caller's own organisation.
 * Analysts and admins only.</li>
 * </ul>
 */
enum ExportAudience {
    PUBLIC,
    NETWORK,
    INTERNAL;

    static final int SMALL_COUNT_BELOW = 5;

    /** The incidents this audience may receive of a search, within what the caller may read. */
    IncidentSelection selection(FindIncidents find) {
        return switch (this) {
            case PUBLIC -> new IncidentSelection(find, Set.of(SharingLevel.PUBLIC),
                    Set.of(IncidentStatus.REPORTED, IncidentStatus.VERIFIED));
            case NETWORK -> new IncidentSelection(find, Set.of(SharingLevel.NETWORK, SharingLevel.PUBLIC), Set.of());
            case INTERNAL -> new IncidentSelection(find, Set.of(), Set.of());
        };
    }

    boolean allowedFor(Actor actor) {
        return this != INTERNAL || actor.has(Role.ANALYST) || actor.has(Role.ADMIN);
    }
}
