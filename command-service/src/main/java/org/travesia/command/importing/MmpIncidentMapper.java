package org.travesia.command.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.MmpRecord;
import org.travesia.kernel.taxonomy.CauseOfDeath;
import org.travesia.kernel.taxonomy.IncidentType;
import org.travesia.kernel.taxonomy.SourceType;

/**
 * The MMP import's own rules: one MMP incident (its row, or the rows of a split incident) to Travesía's facts and
 * MMP's record. It accepts what MMP publishes and a report made here may not carry, and counts each kind
 * ({@link MmpQuirk}): signed counts, no country, coarse coordinates, several causes, US dates. What it cannot read
 * (a date, a count or coordinates that are not one) rejects the incident, naming the line and the column; nothing is
 * guessed.
 */
final class MmpIncidentMapper {

    private static final Pattern PLAIN_COUNT = Pattern.compile("-?\\d+");
    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** The web export's {@code Thu, 01/01/2026 - 12:00}: the weekday and the time are MMP's filler. */
    private static final Pattern US_DATE = Pattern.compile("(?:[A-Za-z]{3}, )?(\\d{1,2}/\\d{1,2}/\\d{4})(?: - .*)?");
    private static final DateTimeFormatter MONTH_FIRST = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Predicate<String> travesiaRouteExists;

    MmpIncidentMapper(Predicate<String> travesiaRouteExists) {
        this.travesiaRouteExists = travesiaRouteExists;
    }

    /** What one MMP incident became. */
    sealed interface Result permits Mapped, Rejected {
    }

    record Mapped(String key, IncidentFacts facts, MmpRecord record, Map<MmpQuirk, Integer> quirks)
            implements Result {
    }

    /** Each line of the incident with why it was not imported. */
    record Rejected(Map<Long, String> reasons) implements Result {
    }

    /** A row's cell that could not be read. */
    private static final class RowRejected extends RuntimeException {

        RowRejected(String code, MmpColumn column) {
            super(code + " (" + column.displayName() + ")", null, false, false);
        }
    }

    private record Point(double lat, double lon, boolean truncated) {
    }

    private record RowValues(long line, String incidentId, String mainId, String region, LocalDate date,
                             Integer dead, Integer missing, Integer survivors, Integer females, Integer males,
                             Integer children, String cause, String countryName, String route, String location,
                             String informationSource, Point point, String url, String unsd, Integer quality,
                             Map<MmpQuirk, Integer> quirks) {
    }

    Result map(String key, List<MmpFile.Row> rows, Map<MmpColumn, Integer> columns, MmpLayout layout) {
        List<RowValues> values = new ArrayList<>();
        Map<Long, String> rejected = new java.util.LinkedHashMap<>();
        for (MmpFile.Row row : rows) {
            try {
                values.add(read(row, columns, layout));
            } catch (RowRejected e) {
                rejected.put(row.line(), e.getMessage());
            }
        }
        if (!rejected.isEmpty()) {
            for (MmpFile.Row row : rows) {
                rejected.putIfAbsent(row.line(), "import.row.split-part-rejected");
            }
            return new Rejected(rejected);
        }
        return merge(key, values);
    }

    private RowValues read(MmpFile.Row row, Map<MmpColumn, Integer> columns, MmpLayout layout) {
        CSVRecord record = row.record();
        if (record.size() < columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1) {
            throw new RowRejected("import.row.short", MmpColumn.MAIN_ID);
        }
        Map<MmpQuirk, Integer> quirks = new EnumMap<>(MmpQuirk.class);
        Function<MmpColumn, String> cell = column -> MmpRows.cell(record, columns, column);
        LocalDate date = date(cell.apply(MmpColumn.DATE), quirks);
        Integer dead = count(cell.apply(MmpColumn.DEAD), MmpColumn.DEAD, quirks);
        Integer missing = count(cell.apply(MmpColumn.MISSING), MmpColumn.MISSING, quirks);
        Integer survivors = count(cell.apply(MmpColumn.SURVIVORS), MmpColumn.SURVIVORS, quirks);
        Integer females = count(cell.apply(MmpColumn.FEMALES), MmpColumn.FEMALES, quirks);
        Integer males = count(cell.apply(MmpColumn.MALES), MmpColumn.MALES, quirks);
        Integer children = count(cell.apply(MmpColumn.CHILDREN), MmpColumn.CHILDREN, quirks);
        Point point = point(cell.apply(MmpColumn.COORDINATES), quirks);
        String quality = cell.apply(MmpColumn.SOURCE_QUALITY);
        Integer sourceQuality = quality.matches("[1-5]") ? Integer.valueOf(quality) : null;
        if (sourceQuality == null) {
            quirks.put(MmpQuirk.NO_SOURCE_QUALITY, 1);
        }
        String country = layout == MmpLayout.HDX ? emptyToNull(cell.apply(MmpColumn.COUNTRY)) : null;
        return new RowValues(row.line(), cell.apply(MmpColumn.INCIDENT_ID), cell.apply(MmpColumn.MAIN_ID),
                emptyToNull(cell.apply(MmpColumn.REGION)), date, dead, missing, survivors, females, males, children,
                emptyToNull(cell.apply(MmpColumn.CAUSE)), country, emptyToNull(cell.apply(MmpColumn.ROUTE)),
                emptyToNull(cell.apply(MmpColumn.LOCATION)), emptyToNull(cell.apply(MmpColumn.INFORMATION_SOURCE)),
                point, emptyToNull(cell.apply(MmpColumn.URL)), emptyToNull(cell.apply(MmpColumn.UNSD_GROUPING)),
                sourceQuality, quirks);
    }

    private Mapped merge(String key, List<RowValues> rows) {
        Map<MmpQuirk, Integer> quirks = new EnumMap<>(MmpQuirk.class);
        rows.forEach(row -> row.quirks().forEach((quirk, n) -> quirks.merge(quirk, n, Integer::sum)));
        if (rows.size() > 1) {
            quirks.put(MmpQuirk.SPLIT_INCIDENT_ROW, rows.size());
        }
        RowValues first = rows.get(0);
        Integer dead = sum(rows, RowValues::dead);
        Integer missing = sum(rows, RowValues::missing);
        IncidentType type = type(dead, missing, quirks);
        LocalDate earliest = rows.stream().map(RowValues::date).min(Comparator.naturalOrder()).orElseThrow();

        Set<String> countryNames = distinct(rows, RowValues::countryName);
        String countryName = countryNames.isEmpty() ? null : String.join("; ", countryNames);
        String country = countryNames.size() == 1 ? MmpCountries.code(countryName) : null;
        if (countryNames.isEmpty() || countryNames.size() > 1) {
            quirks.put(MmpQuirk.NO_COUNTRY, rows.size());
        } else if (country == null) {
            quirks.put(MmpQuirk.COUNTRY_NOT_RECOGNISED, rows.size());
        }

        String causeText = joined(rows, RowValues::cause, ", ");
        Set<CauseOfDeath> causes = new LinkedHashSet<>();
        for (RowValues row : rows) {
            MmpCauses.Mapped mapped = MmpCauses.map(row.cause());
            causes.addAll(mapped.causes());
            if (mapped.how() != null) {
                quirks.merge(mapped.how(), 1, Integer::sum);
            }
        }

        Point point = first.point();
        IncidentFacts.Place place = new IncidentFacts.Place(country, null, null, first.location(),
                point == null ? null : new IncidentFacts.Coordinates(point.lat(), point.lon()),
                point != null && point.truncated() ? "COUNTRY" : null);
        String routeName = first.route();
        String routeId = MmpRoutes.travesiaRoute(routeName);
        if (routeId != null && !travesiaRouteExists.test(routeId)) {
            routeId = null;
        }
        Integer quality = rows.stream().map(RowValues::quality).filter(Objects::nonNull).max(Integer::compare)
                .orElse(null);
        IncidentFacts.Source source = quality == null ? null
                : new IncidentFacts.Source(sourceType(quality).name(), quality, null);
        IncidentFacts.Affected affected = new IncidentFacts.Affected(dead, missing, null,
                sum(rows, RowValues::survivors), sum(rows, RowValues::females), sum(rows, RowValues::males),
                sum(rows, RowValues::children), null);
        IncidentFacts facts = new IncidentFacts(type.name(), null, earliest.toString(), "DAY", null, place, routeId,
                null, affected, List.of(), null, causes.stream().map(Enum::name).toList(), source, null, null);

        MmpRecord record = new MmpRecord(first.mainId() == null || first.mainId().isEmpty() ? null : first.mainId(),
                rows.stream().map(RowValues::incidentId).sorted().toList(), first.region(), countryName, routeName,
                causeText, joined(rows, RowValues::informationSource, ", "), joined(rows, RowValues::url, ", "),
                first.unsd(), quality, MmpRecord.LICENCE, MmpRecord.ATTRIBUTION);
        return new Mapped(key, facts, record, quirks);
    }

    /**
     * Death when someone is counted dead, disappearance when someone is counted missing and nobody dead; a row
     * with only corrections (zero or negative) or one known count takes the type of the count it gives.
     */
    private static IncidentType type(Integer dead, Integer missing, Map<MmpQuirk, Integer> quirks) {
        if (dead != null && dead > 0) {
            return IncidentType.DEATH;
        }
        if (missing != null && missing > 0) {
            return IncidentType.DISAPPEARANCE;
        }
        quirks.put(MmpQuirk.TYPE_FROM_CORRECTION, 1);
        return dead != null || missing == null ? IncidentType.DEATH : IncidentType.DISAPPEARANCE;
    }

    /** MMP's source quality to the kind of source it describes (see the MMP data README). */
    private static SourceType sourceType(int quality) {
        return switch (quality) {
            case 2 -> SourceType.DIRECT_TESTIMONY;
            case 4 -> SourceType.PARTNER_ORGANISATION;
            case 5 -> SourceType.OFFICIAL;
            default -> SourceType.MEDIA;
        };
    }

    private static LocalDate date(String text, Map<MmpQuirk, Integer> quirks) {
        try {
            if (text != null && ISO_DATE.matcher(text).matches()) {
                return checked(LocalDate.parse(text));
            }
            var us = text == null ? null : US_DATE.matcher(text);
            if (us != null && us.matches()) {
                quirks.put(MmpQuirk.US_DATE, 1);
                return checked(LocalDate.parse(us.group(1), MONTH_FIRST));
            }
        } catch (DateTimeParseException e) {
            throw new RowRejected("import.row.date-invalid", MmpColumn.DATE);
        }
        throw new RowRejected("import.row.date-invalid", MmpColumn.DATE);
    }

    private static LocalDate checked(LocalDate date) {
        if (date.isBefore(OccurredAt.EARLIEST)) {
            throw new RowRejected("import.row.date-invalid", MmpColumn.DATE);
        }
        return date;
    }

    private static Integer count(String text, MmpColumn column, Map<MmpQuirk, Integer> quirks) {
        if (text == null || text.isEmpty()) {
            quirks.put(MmpQuirk.EMPTY_COUNT, 1);
            return null;
        }
        String digits = text;
        if (THOUSANDS.matcher(text).matches()) {
            quirks.put(MmpQuirk.THOUSANDS_SEPARATOR, 1);
            digits = text.replace(",", "");
        } else if (!PLAIN_COUNT.matcher(text).matches()) {
            throw new RowRejected("import.row.count-invalid", column);
        }
        try {
            int value = Integer.parseInt(digits);
            if (value < 0) {
                quirks.put(MmpQuirk.NEGATIVE_COUNT, 1);
            }
            return value;
        } catch (NumberFormatException tooLarge) {
            throw new RowRejected("import.row.count-invalid", column);
        }
    }

    /** {@code "lat, lon"}; a part cut to fewer than two decimals is truncated, and so coarse. */
    private static Point point(String text, Map<MmpQuirk, Integer> quirks) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new RowRejected("import.row.coordinates-invalid", MmpColumn.COORDINATES);
        }
        String lat = parts[0].strip();
        String lon = parts[1].strip();
        if (!DECIMAL.matcher(lat).matches() || !DECIMAL.matcher(lon).matches()) {
            throw new RowRejected("import.row.coordinates-invalid", MmpColumn.COORDINATES);
        }
        double latitude = Double.parseDouble(lat);
        double longitude = Double.parseDouble(lon);
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new RowRejected("import.row.coordinates-invalid", MmpColumn.COORDINATES);
        }
        boolean truncated = decimals(lat) < 2 || decimals(lon) < 2;
        if (truncated) {
            quirks.put(MmpQuirk.TRUNCATED_COORDINATES, 1);
        }
        return new Point(latitude, longitude, truncated);
    }

    private static int decimals(String number) {
        int dot = number.indexOf('.');
        return dot < 0 ? 0 : number.length() - dot - 1;
    }

    private static Integer sum(List<RowValues> rows, Function<RowValues, Integer> count) {
        Integer total = null;
        for (RowValues row : rows) {
            Integer value = count.apply(row);
            if (value != null) {
                total = total == null ? value : total + value;
            }
        }
        return total;
    }

    private static Set<String> distinct(List<RowValues> rows, Function<RowValues, String> text) {
        Set<String> values = new LinkedHashSet<>();
        rows.stream().map(text).filter(Objects::nonNull).forEach(values::add);
        return values;
    }

    private static String joined(List<RowValues> rows, Function<RowValues, String> text, String separator) {
        Set<String> values = distinct(rows, text);
        return values.isEmpty() ? null : String.join(separator, values);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
