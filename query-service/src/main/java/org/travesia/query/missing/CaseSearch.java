package org.travesia.query.missing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.conversions.Bson;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.missing.CaseStatus;
import org.travesia.platform.privacy.BlindIndex;
import org.travesia.platform.security.ReadScope;
import org.travesia.query.incident.api.IncidentSearchParameters;

import com.mongodb.client.model.Filters;

/**
 * The search parameters of {@code GET /api/v1/missing-persons} (bound by name from the query string) as a MongoDB
 * filter, always inside what the caller may see: the cases it may see one by one ({@link CaseScope}) for the search,
 * the report read scope (published cases counted too) for the counts. A name is looked up through the blind index, and only among the
 * caller's own organisation's cases: that a name matches someone else's case would tell them who it is about.
 */
record CaseSearch(String status, String route, String segment, String country, String lastSeenFrom,
                  String lastSeenTo, String name, Integer yearOfBirth) {

    Bson filter(Actor actor, BlindIndex blindIndex) {
        return within(CaseScope.of(actor), actor, blindIndex);
    }

    /** The same search for counts: everything but the name, which counts never take. */
    Bson countFilter(Actor actor, BlindIndex blindIndex) {
        return new CaseSearch(null, route, segment, country, lastSeenFrom, lastSeenTo, null, null)
                .within(ReadScope.of(actor), actor, blindIndex);
    }

    private Bson within(Bson scope, Actor actor, BlindIndex blindIndex) {
        Violations v = new Violations();
        List<Bson> all = new ArrayList<>();
        all.add(scope);
        if (status != null) {
            try {
                all.add(Filters.eq(CaseDocument.STATUS, CaseStatus.valueOf(status).name()));
            } catch (IllegalArgumentException e) {
                v.add("status", "parameter.invalid", "status");
            }
        }
        if (route != null) {
            all.add(Filters.eq(CaseDocument.ROUTE, route));
        }
        if (segment != null) {
            all.add(Filters.eq(CaseDocument.SEGMENT, segment));
        }
        if (country != null) {
            all.add(Filters.eq(CaseDocument.COUNTRY, country));
        }
        Instant from = lastSeenFrom == null ? null
                : v.build("", () -> IncidentSearchParameters.instant("lastSeenFrom", lastSeenFrom, false));
        Instant to = lastSeenTo == null ? null
                : v.build("", () -> IncidentSearchParameters.instant("lastSeenTo", lastSeenTo, true));
        v.check(from == null || to == null || !from.isAfter(to), "lastSeenFrom", "parameter.range.invalid");
        if (from != null) {
            all.add(Filters.gte(CaseDocument.LAST_SEEN_FROM, Date.from(from)));
        }
        if (to != null) {
            all.add(Filters.lt(CaseDocument.LAST_SEEN_FROM, Date.from(to)));
        }
        v.throwIfAny();
        if (name != null || yearOfBirth != null) {
            if (!CaseAccess.searchesByName(actor)) {
                throw new NotPermittedException("missing-person.name-search-not-allowed");
            }
            all.add(Filters.eq(CaseDocument.ORGANISATION, actor.organisation()));
        }
        if (name != null) {
            List<String> tokens = blindIndex.ofNames(List.of(name));
            if (tokens.isEmpty()) {
                throw new InvalidValueException("name", "parameter.invalid", "name");
            }
            all.add(Filters.all(CaseDocument.NAME_INDEX, tokens));
        }
        if (yearOfBirth != null) {
            all.add(Filters.eq(CaseDocument.BIRTH_YEAR_INDEX, blindIndex.ofBirthYear(yearOfBirth)));
        }
        return Filters.and(all);
    }
}
