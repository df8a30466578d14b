package org.travesia.kernel.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * When an incident happened, as precisely as it is known. {@code date} is the local calendar day at the place (for
 * WEEK and MONTH precision, any day inside that week or month); {@code exact} is set only with EXACT precision.
 * This is kept apart from reportedAt (the monitor's clock) and recordedAt (the server's clock).
 */
public record OccurredAt(LocalDate date, OffsetDateTime exact, TimePrecision precision) {

    /** The earliest date the system accepts: MMP's own records start in 2014, and older history exists. */
    public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    public OccurredAt {
        if (precision == null) {
            precision = exact != null ? TimePrecision.EXACT : TimePrecision.DAY;
        }
        if (exact != null && date == null) {
            date = exact.toLocalDate();
        }
        Violations v = new Violations();
        v.check(date != null, "", "field.required");
        v.check(precision != TimePrecision.EXACT || exact != null, "", "occurred-at.exact-needs-time");
        v.check(date == null || !date.isBefore(EARLIEST), "", "occurred-at.too-old", EARLIEST);
        v.throwIfAny();
        if (precision != TimePrecision.EXACT) {
            exact = null;
        }
    }

    public static OccurredAt onDay(LocalDate date) {
        return new OccurredAt(date, null, TimePrecision.DAY);
    }

    /** The first instant this occurrence could have happened, as UTC: used to order and filter. */
    public Instant earliestInstant() {
        return exact != null ? exact.toInstant() : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * True if the occurrence lies after {@code now}. A calendar date is in the future only once no time zone on
     * Earth has reached it yet, so a report from UTC-5 late in the evening is never refused.
     */
    public boolean isAfter(Instant now) {
        if (exact != null) {
            return exact.toInstant().isAfter(now);
        }
        return date.isAfter(now.atOffset(ZoneOffset.ofHours(14)).toLocalDate());
    }
}
