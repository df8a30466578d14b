package org.travesia.query.incident;

import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;

/**
 * Who sees the global position of a history entry. A global position numbers every event of every organisation, so
 * the gap between two entries tells how many writes everyone else made in between: one organisation could count
 * another's reports. Order within an incident is its {@code sequence}, which counts only the incident's own events.
 * The position is shown to admins of the reporting organisation only, who already see the store's head position
 * ({@code /actuator/eventprocessors}) and need the position to follow an event through the processors.
 */
final class HistoryPositions {

    private HistoryPositions() {
    }

    static boolean shownTo(Actor reader, boolean ownOrganisation) {
        return ownOrganisation && reader.has(Role.ADMIN);
    }
}
