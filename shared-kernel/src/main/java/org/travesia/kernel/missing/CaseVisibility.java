package org.travesia.kernel.missing;

import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.SharingLevel;

/**
 * Who may see a missing-person case on its own (read it, find it in a search, its history, a possible match, a
 * duplicate signal, act on it). Narrower than a report's {@link org.travesia.kernel.common.Visibility}: a case's
 * sharing levels are not nested.
 * <ul>
 * <li>monitors, analysts and admins of the owning organisation: every case of it;</li>
 * <li>analysts, advocates and admins of any organisation: cases shared with the {@code NETWORK}, to learn whom to
 * contact;</li>
 * <li>a {@code PUBLIC} case goes no further than its own organisation one by one: outside it, it is only counted
 * (in the aggregate counts, under the report read scope). Published figures about missing people must never become a
 * list of them.</li>
 * </ul>
 * The read side applies the same rule as a query filter ({@code CaseScope}); a test holds the two together.
 */
public final class CaseVisibility {

    private CaseVisibility() {
    }

    public static boolean canSee(Actor actor, String organisation, SharingLevel sharing) {
        boolean ownOrganisation = actor.organisation().equals(organisation);
        return ((actor.has(Role.MONITOR) || actor.has(Role.ADMIN)) && ownOrganisation)
                || ((actor.has(Role.ANALYST) || actor.has(Role.ADVOCATE) || actor.has(Role.ADMIN))
                && sharing == SharingLevel.NETWORK);
    }
}
