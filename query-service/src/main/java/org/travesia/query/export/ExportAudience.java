package org.travesia.query.export;

import java.util.List;

import org.bson.conversions.Bson;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.SharingLevel;

import com.mongodb.client.model.Filters;

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

    /**
     * Narrows the caller's read scope further, for this audience, on incident documents whose fields carry
     * {@code prefix} ({@code ""} for current incidents, {@code "state."} for states in the history).
     */
    Bson narrowing(String prefix) {
        return switch (this) {
            case PUBLIC -> Filters.and(Filters.eq(prefix + "sharing", SharingLevel.PUBLIC.name()),
                    Filters.in(prefix + "status", List.of("REPORTED", "VERIFIED")));
            case NETWORK -> Filters.in(prefix + "sharing", SharingLevel.NETWORK.name(), SharingLevel.PUBLIC.name());
            case INTERNAL -> Filters.exists(prefix + "_id");
        };
    }

    boolean allowedFor(Actor actor) {
        return this != INTERNAL || actor.has(Role.ANALYST) || actor.has(Role.ADMIN);
    }
}
