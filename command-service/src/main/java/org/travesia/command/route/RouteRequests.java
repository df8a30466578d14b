package org.travesia.command.route;

import java.util.List;

import org.travesia.kernel.alert.AlertRule;
import org.travesia.kernel.alert.AlertRuleKind;
import org.travesia.kernel.common.Codes;
import org.travesia.kernel.common.Countries;
import org.travesia.kernel.common.Slug;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.route.RouteName;
import org.travesia.kernel.taxonomy.IncidentType;

/** Reads and checks route, segment and rule requests, reporting every bad field at once. */
final class RouteRequests {

    static final int MAX_LIST = 50;
    static final int MAX_WINDOW_DAYS = 366;
    static final int MAX_BASELINE_WEEKS = 52;
    static final int MAX_COUNT = 1_000_000;

    private RouteRequests() {
    }

    static String slug(Violations v, String field, String value) {
        if (value == null) {
            v.add(field, "field.required");
        } else {
            v.check(Slug.isValid(value), field, "slug.invalid");
        }
        return value;
    }

    static RouteName name(Violations v, RouteBodies.Name name) {
        if (name == null) {
            v.add("name", "field.required");
            return null;
        }
        label(v, "name.en", name.en());
        label(v, "name.es", name.es());
        return new RouteName(name.en(), name.es());
    }

    private static void label(Violations v, String field, String text) {
        if (text == null || text.isBlank()) {
            v.add(field, "field.required");
        } else {
            v.check(text.length() <= RouteRules.MAX_NAME_LENGTH, field, "text.too-long", RouteRules.MAX_NAME_LENGTH);
        }
    }

    static List<String> countries(Violations v, List<String> countries) {
        if (countries == null || countries.isEmpty()) {
            v.add("countries", "field.required");
            return List.of();
        }
        if (countries.size() > MAX_LIST) {
            v.add("countries", "list.too-long", MAX_LIST);
            return List.of();
        }
        for (int i = 0; i < countries.size(); i++) {
            v.check(Countries.isIsoAlpha2(countries.get(i)), "countries[" + i + "]", "country.unknown",
                    countries.get(i));
        }
        return List.copyOf(countries);
    }

    static List<String> adminAreas(Violations v, List<String> adminAreas) {
        if (adminAreas == null) {
            return List.of();
        }
        if (adminAreas.size() > MAX_LIST) {
            v.add("adminAreas", "list.too-long", MAX_LIST);
            return List.of();
        }
        for (int i = 0; i < adminAreas.size(); i++) {
            String area = adminAreas.get(i);
            v.check(area != null && !area.isBlank() && area.length() <= RouteRules.MAX_NAME_LENGTH,
                    "adminAreas[" + i + "]", "text.too-long", RouteRules.MAX_NAME_LENGTH);
        }
        return List.copyOf(adminAreas);
    }

    static AlertRule rule(Violations v, RouteBodies.Rule body) {
        String ruleId = slug(v, "ruleId", body.ruleId());
        AlertRuleKind kind = Codes.parse(v, "kind", body.kind(), AlertRuleKind.class, true);
        if (body.segmentId() != null) {
            slug(v, "segmentId", body.segmentId());
        }
        List<IncidentType> types = Codes.parseAll(v, "incidentTypes", body.incidentTypes(), IncidentType.class,
                MAX_LIST);
        if (kind == AlertRuleKind.THRESHOLD) {
            v.check((body.minCount() == null) != (body.minDeadAndMissing() == null), "minCount",
                    "alert-rule.threshold-one-of");
            inRange(v, "minCount", body.minCount(), false, MAX_COUNT);
            inRange(v, "minDeadAndMissing", body.minDeadAndMissing(), false, MAX_COUNT);
            inRange(v, "windowDays", body.windowDays(), true, MAX_WINDOW_DAYS);
            v.check(body.factor() == null && body.baselineWeeks() == null, "kind", "alert-rule.fields-of-other-kind");
        } else if (kind == AlertRuleKind.SPIKE) {
            v.check(body.factor() != null && body.factor() >= 1.0 && body.factor() <= 1000, "factor",
                    "alert-rule.factor-out-of-range");
            inRange(v, "baselineWeeks", body.baselineWeeks(), true, MAX_BASELINE_WEEKS);
            inRange(v, "minCount", body.minCount(), true, MAX_COUNT);
            v.check(body.windowDays() == null && body.minDeadAndMissing() == null, "kind",
                    "alert-rule.fields-of-other-kind");
        }
        return new AlertRule(ruleId, kind, body.segmentId(), types.stream().map(Enum::name).toList(),
                body.minCount(), body.minDeadAndMissing(), body.windowDays(), body.factor(), body.baselineWeeks());
    }

    private static void inRange(Violations v, String field, Integer value, boolean required, int max) {
        if (value == null) {
            v.check(!required, field, "field.required");
        } else {
            v.check(value >= 1 && value <= max, field, "number.out-of-range", 1, max);
        }
    }
}
