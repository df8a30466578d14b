package org.travesia.query.missing;

import org.bson.Document;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;

/**
 * Who sees what of a case, on top of {@link CaseScope} (which decides whether a case is seen at all): personal fields
 * only for monitors and analysts of the organisation that owns it. An advocate, an admin, or anyone of another
 * organisation sees the non-identifying facts and whom to contact.
 */
final class CaseAccess {

    private CaseAccess() {
    }

    static boolean seesPersonalData(Actor actor, Document state) {
        return actor.organisation().equals(state.getString(CaseDocument.ORGANISATION)) && actor.has(Role.MONITOR);
    }

    /** Searching by name (or year of birth) is for those who may see names, over their own organisation's cases. */
    static boolean searchesByName(Actor actor) {
        return actor.has(Role.MONITOR);
    }
}
