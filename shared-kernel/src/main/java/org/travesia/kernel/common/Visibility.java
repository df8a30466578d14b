package org.travesia.kernel.common;

/**
 * Who may see a report, by role, organisation and sharing level. The read side applies the same rule as a query
 * filter ({@code ReadScope}); the write side applies it so that acting on a report one cannot see looks exactly like
 * acting on one that does not exist.
 * <ul>
 * <li>monitor: its own organisation's reports;</li>
 * <li>analyst and admin: its own organisation's, plus everything shared with the network or published;</li>
 * <li>advocate: what is shared with the network or published.</li>
 * </ul>
 */
public final class Visibility {

    private Visibility() {
    }

    public static boolean canSee(Actor actor, String organisation, SharingLevel sharing) {
        boolean ownOrganisation = actor.organisation().equals(organisation);
        boolean shared = sharing == SharingLevel.NETWORK || sharing == SharingLevel.PUBLIC;
        return ((actor.has(Role.MONITOR) || actor.has(Role.ADMIN)) && ownOrganisation)
                || ((actor.has(Role.ANALYST) || actor.has(Role.ADVOCATE) || actor.has(Role.ADMIN)) && shared);
    }
}
