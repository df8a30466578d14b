package org.travesia.query.risk;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;

/** The sizes of bucket the risk view keeps: a day, an ISO week (Monday to Sunday), a calendar month. */
enum RiskPeriod {
    DAY("risk_buckets_days"),
    WEEK("risk_buckets_weeks"),
    MONTH("risk_buckets_months");

    private final String collection;

    RiskPeriod(String collection) {
        this.collection = collection;
    }

    String collection() {
        return collection;
    }

    LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    LocalDate end(LocalDate start) {
        return next(start).minusDays(1);
    }

    /**
     * A bucket's document id: the route, the segment key in hex and the first day of the period. Neither the hex nor
     * the day holds a {@code |}, so no two routes, segments and days make the same id.
     */
    String bucketId(String routeId, String segmentKey, LocalDate day) {
        return routeId + "|" + HexFormat.of().formatHex(segmentKey.getBytes(StandardCharsets.UTF_8)) + "|" + start(day);
    }
}
