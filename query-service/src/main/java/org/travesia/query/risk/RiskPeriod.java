package org.travesia.query.risk;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The sizes of bucket the risk view keeps: a day, an ISO week (Monday to Sunday), a calendar month. */
enum RiskPeriod {
    DAY("risk_days"),
    WEEK("risk_weeks"),
    MONTH("risk_months");

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

    /** A bucket's document id: the route, and the first day of the period. */
    String bucketId(String routeId, LocalDate day) {
        return routeId + "|" + start(day);
    }
}
