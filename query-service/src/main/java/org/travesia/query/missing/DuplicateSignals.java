package org.travesia.query.missing;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.springframework.stereotype.Component;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.SharingLevel;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Families often report one person to several organisations. When a case's blind-index tokens match a case of
 * another organisation, its owners learn "organisation X may hold a matching case", and nothing more: no case id, no
 * field. Signals fire only between two cases shared with the {@code NETWORK}: each organisation then learns of the
 * other exactly what it has itself shared, so neither can probe names silently (a case made up to test a name tells
 * the other organisation it exists). An organisation-only case keeps even its existence to itself, and a published one
 * is only ever counted ({@link org.travesia.kernel.missing.CaseVisibility}).
 * <p>
 * A match: at least two name tokens in common (or every token of a one-word name), and no conflicting year of birth.
 */
@Component
class DuplicateSignals {

    private final CaseReadModel readModel;

    DuplicateSignals(CaseReadModel readModel) {
        this.readModel = readModel;
    }

    List<Map<String, Object>> of(Document state, Actor reader) {
        List<String> names = state.getList(CaseDocument.NAME_INDEX, String.class, List.of());
        if (names.isEmpty() || !SharingLevel.NETWORK.name().equals(state.getString(CaseDocument.SHARING))) {
            return List.of();
        }
        String birthYear = state.getString(CaseDocument.BIRTH_YEAR_INDEX);
        Set<String> organisations = new TreeSet<>();
        for (Document other : readModel.matching(Filters.and(CaseScope.of(reader),
                        Filters.eq(CaseDocument.SHARING, SharingLevel.NETWORK.name()),
                        Filters.ne(CaseDocument.ORGANISATION, state.getString(CaseDocument.ORGANISATION)),
                        Filters.in(CaseDocument.NAME_INDEX, names)))
                .projection(Projections.include(CaseDocument.ORGANISATION, CaseDocument.NAME_INDEX,
                        CaseDocument.BIRTH_YEAR_INDEX))) {
            if (matches(names, birthYear, other)) {
                organisations.add(other.getString(CaseDocument.ORGANISATION));
            }
        }
        return organisations.stream().map(organisation -> {
            Map<String, Object> signal = new LinkedHashMap<>();
            signal.put("organisation", organisation);
            return signal;
        }).toList();
    }

    private static boolean matches(List<String> names, String birthYear, Document other) {
        List<String> otherNames = other.getList(CaseDocument.NAME_INDEX, String.class, List.of());
        Set<String> common = new HashSet<>(names);
        common.retainAll(otherNames);
        int needed = Math.min(2, Math.min(names.size(), otherNames.size()));
        String otherBirthYear = other.getString(CaseDocument.BIRTH_YEAR_INDEX);
        boolean birthYearsAgree = birthYear == null || otherBirthYear == null || birthYear.equals(otherBirthYear);
        return common.size() >= needed && birthYearsAgree;
    }
}
