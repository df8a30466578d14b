package org.travesia.query.missing;

import java.util.ArrayList;
import java.util.List;

import org.bson.conversions.Bson;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.missing.CaseVisibility;

import com.mongodb.client.model.Filters;

/**
 * {@link CaseVisibility} as a MongoDB filter, for every path that hands out cases one by one (search, one case, its
 * history, possible matches, duplicate signals). It goes into the query itself, like the report read scope, so a case
 * the caller may not see never reaches a page, a cursor or a timing. Only the counts use the wider report read scope,
 * which also counts published cases.
 */
final class CaseScope {

    private CaseScope() {
    }

    static Bson of(Actor actor) {
        List<Bson> visible = new ArrayList<>();
        if (actor.has(Role.MONITOR) || actor.has(Role.ADMIN)) {
            visible.add(Filters.eq(CaseDocument.ORGANISATION, actor.organisation()));
        }
        if (actor.has(Role.ANALYST) || actor.has(Role.ADVOCATE) || actor.has(Role.ADMIN)) {
            visible.add(Filters.eq(CaseDocument.SHARING, SharingLevel.NETWORK.name()));
        }
        if (visible.isEmpty()) {
            return Filters.in(CaseDocument.ID, List.of());
        }
        return visible.size() == 1 ? visible.get(0) : Filters.or(visible);
    }
}
