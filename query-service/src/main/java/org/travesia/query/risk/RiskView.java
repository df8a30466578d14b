package org.travesia.query.risk;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.Visibility;
import org.travesia.kernel.incident.PartnerReadConsent;
import org.travesia.query.route.api.RouteCatalogue;

/**
 * Reads a route's risk over a window: per segment and per bucket, the incidents by type (verified and unverified
 * apart), the people dead, missing and injured with how many incidents left each unknown, the missing-person cases
 * opened (by where and when the person was last seen), the risk index
 * ({@link RiskIndex}) and, per segment, the trend against the window of the same length just before. Only the
 * leaves the caller may read are summed ({@link Visibility}, the rule every read uses, and the consent another
 * organisation needs, {@link PartnerReadConsent}): an organisation's {@code ORGANISATION}-level reports, and its
 * shared ones without that consent, never move another organisation's figures.
 * <p>
 * The window is widened to whole buckets: from the first day of the bucket holding {@code from} to the last day of
 * the one holding {@code to}.
 */
@Component
class RiskView {

    private static final String[] PEOPLE = {"dead", "missing", "injured"};
    /** The counters of a leaf, of a bucket's totals and of its cases, in the order {@link BucketBytes} reads them. */
    private static final String[] LEAF = {RiskContribution.INCIDENTS, RiskContribution.DEAD, RiskContribution.MISSING,
            RiskContribution.INJURED, RiskContribution.DEAD_UNKNOWN, RiskContribution.MISSING_UNKNOWN,
            RiskContribution.INJURED_UNKNOWN, RiskContribution.QUALITY_WEIGHT};
    private static final int LEAF_PEOPLE = 1;
    private static final int LEAF_UNKNOWN = 1 + PEOPLE.length;
    private static final int LEAF_WEIGHT = LEAF.length - 1;
    private static final String[] TOTALS = {RiskContribution.INCIDENTS, RiskContribution.WEIGHT};
    private static final String[] CASES = {CaseContribution.OPENED};

    private final RiskBuckets buckets;
    private final RouteCatalogue routes;

    RiskView(RiskBuckets buckets, RouteCatalogue routes) {
        this.buckets = buckets;
        this.routes = routes;
    }

    /** The figures of one bucket for one segment, as summed for a reader. */
    static final class Figures {
        final Map<String, Long> verified = new TreeMap<>();
        final Map<String, Long> unverified = new TreeMap<>();
        /** People dead, missing and injured, and the incidents that left each unknown, in {@link #PEOPLE}'s order. */
        final long[] people = new long[PEOPLE.length];
        final long[] unknown = new long[PEOPLE.length];
        long casesOpened;
        double riskIndex;

        long incidents() {
            return verified.values().stream().mapToLong(Long::longValue).sum()
                    + unverified.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The incidents of a window for one segment and their risk index, as summed for a reader from the totals. */
    static final class Totals {
        long incidents;
        double riskIndex;
    }

    boolean knows(String routeId) {
        return routes.find(routeId).isPresent();
    }

    Map<String, Object> read(String routeId, LocalDate from, LocalDate to, RiskPeriod period, Actor reader) {
        LocalDate start = period.start(from);
        LocalDate end = period.end(period.start(to));
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        LocalDate previousEnd = start.minusDays(1);
        LocalDate previousStart = previousEnd.minusDays(days - 1);

        Map<String, Map<LocalDate, Figures>> current = sum(routeId, period, start, end, reader);
        RiskPeriod previousPeriod = period.start(previousStart).equals(previousStart) ? period : RiskPeriod.DAY;
        Map<String, Totals> previous = sumTotals(routeId, previousPeriod, previousStart, previousEnd, reader);

        var route = routes.find(routeId);
        List<String> segmentIds = new ArrayList<>();
        route.ifPresent(r -> r.segments().forEach(s -> segmentIds.add(s.segmentId())));
        current.keySet().stream().filter(s -> !segmentIds.contains(s)).sorted().forEach(segmentIds::add);

        List<Map<String, Object>> segments = new ArrayList<>();
        for (String segmentId : segmentIds) {
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("segmentId", RiskContribution.NO_SEGMENT.equals(segmentId) ? null : segmentId);
            segment.put("name", route.flatMap(r -> r.segment(segmentId)).map(RouteCatalogue.SegmentView::name)
                    .orElse(null));
            Map<LocalDate, Figures> byBucket = current.getOrDefault(segmentId, Map.of());
            List<Map<String, Object>> rows = new ArrayList<>();
            Figures total = new Figures();
            for (LocalDate b = start; !b.isAfter(end); b = period.next(b)) {
                Figures f = byBucket.getOrDefault(b, new Figures());
                rows.add(row(b, period.end(b), f));
                add(total, f);
            }
            Totals before = previous.getOrDefault(segmentId, new Totals());
            segment.put("buckets", rows);
            segment.put("total", figures(total));
            segment.put("trend", trend(total, before));
            segments.add(segment);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("routeId", routeId);
        view.put("from", start.toString());
        view.put("to", end.toString());
        view.put("bucket", period.name().toLowerCase());
        view.put("previousWindow", Map.of("from", previousStart.toString(), "to", previousEnd.toString()));
        view.put("segments", segments);
        return view;
    }

    /**
     * Sums the buckets of a window per segment and bucket start, over the leaves the reader may see; the risk index
     * weighs each bucket by its distance from the window's end. The previous window is read from the totals
     * ({@link #sumTotals}), at the size of the current one's buckets when they align, else by day.
     */
    private Map<String, Map<LocalDate, Figures>> sum(String routeId, RiskPeriod period, LocalDate start,
                                                     LocalDate end, Actor reader) {
        Map<String, Map<LocalDate, Figures>> bySegment = new TreeMap<>();
        Map<String, Boolean> visible = new LinkedHashMap<>();
        Function<Set<String>, List<String>> fields = organisations -> {
            List<String> leavesAndCases = countable(visible, reader, organisations, "s", RiskView::mayCountIncidents,
                    true);
            leavesAndCases.addAll(countable(visible, reader, organisations, CaseContribution.CASES,
                    RiskView::mayCountCases, false));
            return leavesAndCases;
        };
        BucketBytes leaves = new BucketBytes(List.of(
                new BucketBytes.Prefix(CaseContribution.CASES, false, CASES,
                        (orgKey, sharing) -> mayCountCases(visible, reader, orgKey, sharing)),
                new BucketBytes.Prefix("s", true, LEAF,
                        (orgKey, sharing) -> mayCountIncidents(visible, reader, orgKey, sharing))));
        buckets.read(period, routeId, firstDays(period, start, end), fields, leaves).forEach((segmentId, byFirstDay) ->
                byFirstDay.forEach((firstDay, bucket) -> {
                    if (bucket.isEmpty()) {
                        return;
                    }
                    LocalDate bucketStart = LocalDate.parse(firstDay);
                    double recency = RiskIndex.recency(ChronoUnit.DAYS.between(period.end(bucketStart), end));
                    Figures f = bySegment.computeIfAbsent(segmentId, s -> new TreeMap<>())
                            .computeIfAbsent(bucketStart, d -> new Figures());
                    for (BucketBytes.Leaf leaf : bucket) {
                        if (leaf.prefix().equals(CaseContribution.CASES)) {
                            f.casesOpened += leaf.counters()[0];
                        } else {
                            addLeaf(f, leaf.type(), leaf.verified(), leaf.counters(), recency);
                        }
                    }
                }));
        return bySegment;
    }

    /**
     * Sums a window per segment from its buckets' totals (the window before the one read), over the organisations and
     * sharing keys the reader may count, weighing each bucket by its distance from the end of the window.
     */
    private Map<String, Totals> sumTotals(String routeId, RiskPeriod period, LocalDate start, LocalDate end,
                                          Actor reader) {
        Map<String, Totals> bySegment = new TreeMap<>();
        Map<String, Boolean> visible = new LinkedHashMap<>();
        Function<Set<String>, List<String>> fields = organisations -> countable(visible, reader, organisations,
                RiskContribution.TOTALS, RiskView::mayCountIncidents, true);
        BucketBytes leaves = new BucketBytes(List.of(new BucketBytes.Prefix(RiskContribution.TOTALS, false, TOTALS,
                (orgKey, sharing) -> mayCountIncidents(visible, reader, orgKey, sharing))));
        buckets.read(period, routeId, firstDays(period, start, end), fields, leaves).forEach((segmentId, byFirstDay) ->
                byFirstDay.forEach((firstDay, bucket) -> {
                    double recency = RiskIndex.recency(ChronoUnit.DAYS.between(
                            period.end(LocalDate.parse(firstDay)), end));
                    for (BucketBytes.Leaf leaf : bucket) {
                        Totals t = bySegment.computeIfAbsent(segmentId, s -> new Totals());
                        t.incidents += leaf.counters()[0];
                        t.riskIndex += leaf.counters()[1] / 100.0 * recency;
                    }
                }));
        return bySegment;
    }

    /** Whether a reader may count what an organisation recorded under a sharing key. */
    private interface Countable {
        boolean test(Map<String, Boolean> visible, Actor reader, String orgKey, String sharingKey);
    }

    /**
     * The fields under {@code prefix} the reader may count, per organisation on the route: the organisation's whole
     * subtree when every sharing key is countable (a key this build does not know counts as the narrowest level,
     * {@link SharingLevel#recorded}, so it is countable then too), else each countable key. The reader's own checks
     * still decide what is summed; this only spares the store sending the rest.
     */
    private static List<String> countable(Map<String, Boolean> visible, Actor reader, Set<String> organisations,
                                          String prefix, Countable countable, boolean withConsent) {
        List<String> keys = new ArrayList<>();
        for (SharingLevel level : SharingLevel.values()) {
            keys.add(level.name());
            if (withConsent) {
                keys.add(level.name() + RiskContribution.PARTNER_CONSENT);
            }
        }
        List<String> fields = new ArrayList<>();
        for (String orgKey : organisations) {
            List<String> countableKeys = keys.stream().filter(k -> countable.test(visible, reader, orgKey, k))
                    .toList();
            if (countableKeys.size() == keys.size()) {
                fields.add(prefix + "." + orgKey);
            } else {
                countableKeys.forEach(k -> fields.add(prefix + "." + orgKey + "." + k));
            }
        }
        return fields;
    }

    private static List<String> firstDays(RiskPeriod period, LocalDate start, LocalDate end) {
        List<String> firstDays = new ArrayList<>();
        for (LocalDate b = period.start(start); !b.isAfter(end); b = period.next(b)) {
            firstDays.add(b.toString());
        }
        return firstDays;
    }

    /**
     * Whether the reader may count the incidents this organisation recorded under this leaf's sharing key: its own
     * organisation's it may see, and others' only with the partner consent (marked in the key).
     */
    private static boolean mayCountIncidents(Map<String, Boolean> visible, Actor reader, String orgKey,
                                             String sharingKey) {
        return visible.computeIfAbsent("incidents/" + orgKey + "/" + sharingKey, k -> {
            String organisation = RiskContribution.organisationOf(orgKey);
            return Visibility.canSee(reader, organisation, SharingLevel.recorded(RiskContribution.sharingIn(sharingKey)))
                    && (reader.organisation().equals(organisation) || RiskContribution.partnerConsentIn(sharingKey));
        });
    }

    /**
     * Whether the reader may count the missing-person cases this organisation recorded at this sharing level: the
     * report read scope (another organisation's {@code ORGANISATION} level never). Counting a case reads nothing of the
     * person.
     */
    private static boolean mayCountCases(Map<String, Boolean> visible, Actor reader, String orgKey, String sharing) {
        return visible.computeIfAbsent("cases/" + orgKey + "/" + sharing, k -> Visibility.canSee(reader,
                RiskContribution.organisationOf(orgKey), SharingLevel.recorded(sharing)));
    }

    /** Adds a leaf's counters, read in {@link #LEAF}'s order. */
    private static void addLeaf(Figures f, String type, boolean verified, long[] leaf, double recency) {
        long incidents = leaf[0];
        if (incidents != 0) {
            (verified ? f.verified : f.unverified).merge(type, incidents, Long::sum);
        }
        for (int i = 0; i < PEOPLE.length; i++) {
            f.people[i] += leaf[LEAF_PEOPLE + i];
            f.unknown[i] += leaf[LEAF_UNKNOWN + i];
        }
        f.riskIndex += RiskIndex.severity(type) * leaf[LEAF_WEIGHT] / 100.0 * recency;
    }

    private static void add(Figures into, Figures f) {
        f.verified.forEach((k, v) -> into.verified.merge(k, v, Long::sum));
        f.unverified.forEach((k, v) -> into.unverified.merge(k, v, Long::sum));
        for (int i = 0; i < PEOPLE.length; i++) {
            into.people[i] += f.people[i];
            into.unknown[i] += f.unknown[i];
        }
        into.casesOpened += f.casesOpened;
        into.riskIndex += f.riskIndex;
    }

    private static Map<String, Object> row(LocalDate from, LocalDate to, Figures f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("from", from.toString());
        row.put("to", to.toString());
        row.putAll(figures(f));
        return row;
    }

    private static Map<String, Object> figures(Figures f) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("incidents", Map.of("total", f.incidents(), "verified", f.verified, "unverified", f.unverified));
        Map<String, Object> people = new LinkedHashMap<>();
        Map<String, Object> unknown = new LinkedHashMap<>();
        for (int i = 0; i < PEOPLE.length; i++) {
            people.put(PEOPLE[i], f.people[i]);
            unknown.put(PEOPLE[i], f.unknown[i]);
        }
        people.put("unknownIn", unknown);
        figures.put("people", people);
        figures.put("missingPersonCasesOpened", f.casesOpened);
        figures.put("riskIndex", Math.round(f.riskIndex * 100) / 100.0);
        return figures;
    }

    private static Map<String, Object> trend(Figures now, Totals before) {
        Map<String, Object> trend = new LinkedHashMap<>();
        trend.put("previousIncidents", before.incidents);
        trend.put("previousRiskIndex", Math.round(before.riskIndex * 100) / 100.0);
        trend.put("riskIndexChange", before.riskIndex == 0 ? null
                : Math.round((now.riskIndex - before.riskIndex) / before.riskIndex * 1000) / 1000.0);
        double ratio = before.riskIndex == 0 ? (now.riskIndex > 0 ? Double.POSITIVE_INFINITY : 1)
                : now.riskIndex / before.riskIndex;
        trend.put("direction", ratio > 1.1 ? "RISING" : ratio < 0.9 ? "FALLING" : "STEADY");
        return trend;
    }
}
