package org.travesia.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.bson.conversions.Bson;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.SharingLevel;

import com.mongodb.client.model.Filters;

/**
 * What a caller may read, as a MongoDB filter that goes into the query itself: never fetch first and filter after,
 * which leaks through counts, paging and timing. Reports carry {@code organisation} and {@code sharing}. The rule is
 * {@link org.travesia.kernel.common.Visibility}'s, expressed as a query; a test holds the two together.
 */
public final class ReadScope {

    private ReadScope() {
    }

    public static Bson of(Actor actor) {
        return of(actor, "");
    }

    /**
     * The same rule on documents whose {@code organisation} and {@code sharing} sit under {@code prefix}: a state
     * kept inside another document (an incident's history holds its state after each event under {@code state.}).
     */
    public static Bson of(Actor actor, String prefix) {
        List<Bson> visible = new ArrayList<>();
        if (actor.has(Role.MONITOR) || actor.has(Role.ADMIN)) {
            visible.add(Filters.eq(prefix + "organisation", actor.organisation()));
        }
        if (actor.has(Role.ANALYST) || actor.has(Role.ADVOCATE) || actor.has(Role.ADMIN)) {
            visible.add(Filters.in(prefix + "sharing", SharingLevel.NETWORK.name(), SharingLevel.PUBLIC.name()));
        }
        if (visible.isEmpty()) {
            return Filters.in("_id", List.of());
        }
        return visible.size() == 1 ? visible.get(0) : Filters.or(visible);
    }
}
