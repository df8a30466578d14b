package org.travesia.platform.security;

import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;

/**
 * Who sees the global position of a history entry, of a report or of a missing-person case. A global position numbers
 * every event of every organisation, so the gap between two entries tells how many writes everyone else made in
 * between: one organisation could count another's reports and cases. Order within a record is its {@code sequence},
 * which counts only the record's own events. The position is shown to admins of the owning organisation only, who need
 * it to follow an event through the processors. The gap between two of their own events still counts everyone's
 * writes in between (the README says so).
 */
public final class HistoryPositions {

    private HistoryPositions() {
    }

    public static boolean shownTo(Actor reader, boolean ownOrganisation) {
        return ownOrganisation && reader.has(Role.ADMIN);
    }
}
