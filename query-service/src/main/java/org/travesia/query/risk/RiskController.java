package org.travesia.query.risk;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.kernel.common.Violations;
import org.travesia.platform.security.CurrentActor;
import org.travesia.platform.web.NotFoundException;

/**
 * {@code GET /api/v1/routes/{id}/risk?from=&to=&bucket=day|week|month}: a route's risk per segment and bucket, as
 * far as the caller may see. Defaults: the year up to today, by week.
 */
@RestController
@RequestMapping(path = "/api/v1/routes", produces = MediaType.APPLICATION_JSON_VALUE)
class RiskController {

    /** Enough for ten years by week or month, or a year and a month by day. */
    static final int MAX_BUCKETS = 800;

    private final RiskView view;
    private final CurrentActor currentActor;

    RiskController(RiskView view, CurrentActor currentActor) {
        this.view = view;
        this.currentActor = currentActor;
    }

    @GetMapping("/{routeId}/risk")
    Map<String, Object> risk(@PathVariable String routeId, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false, defaultValue = "week") String bucket) {
        Violations v = new Violations();
        LocalDate end = date(v, "to", to, LocalDate.now(ZoneOffset.UTC));
        LocalDate start = date(v, "from", from, end == null ? null : end.minusYears(1).plusDays(1));
        RiskPeriod period = null;
        try {
            period = RiskPeriod.valueOf(bucket.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add("bucket", "parameter.invalid", "bucket");
        }
        if (start != null && end != null) {
            v.check(!start.isAfter(end), "from", "parameter.range.invalid");
            if (period != null && !start.isAfter(end)) {
                long buckets = ChronoUnit.DAYS.between(start, end) / switch (period) {
                    case DAY -> 1;
                    case WEEK -> 7;
                    case MONTH -> 28;
                };
                v.check(buckets <= MAX_BUCKETS, "bucket", "risk.too-many-buckets", MAX_BUCKETS);
            }
        }
        v.throwIfAny();
        if (!view.knows(routeId)) {
            throw new NotFoundException("route.unknown");
        }
        return view.read(routeId, start, end, period, currentActor.get());
    }

    private static LocalDate date(Violations v, String field, String value, LocalDate fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            v.add(field, "parameter.invalid", field);
            return null;
        }
    }
}
