package org.travesia.query.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;
import org.travesia.query.route.api.RouteCatalogue;

/** Reads the risk view of {@link RiskEvents#ROUTE} by week, as a reader would, and picks figures out of it. */
final class RiskReader {

    private final RiskView view;
    private final Actor reader;

    private RiskReader(RiskView view, Actor reader) {
        this.view = view;
        this.reader = reader;
    }

    static RiskReader of(RiskBuckets buckets, String organisation, Role role) {
        RouteCatalogue catalogue = new RouteCatalogue() {
            @Override
            public List<RouteView> all() {
                return List.of(route());
            }

            @Override
            public Optional<RouteView> find(String routeId) {
                return Optional.of(route()).filter(r -> r.routeId().equals(routeId));
            }

            private RouteView route() {
                return new RouteView(RiskEvents.ROUTE, new Name("Darién", "Darién"), List.of("CO", "PA"), List.of());
            }
        };
        return new RiskReader(new RiskView(buckets, catalogue), new Actor("reader", organisation, Set.of(role)));
    }

    /** The segment's figures over the weeks of November 2026. */
    Map<String, Object> total(String segmentId) {
        return segment(segmentId, "total");
    }

    /** The segment's figures over the weeks from the one holding {@code from} to the one holding {@code to}. */
    Map<String, Object> totalBetween(String segmentId, String from, String to) {
        return segment(read(LocalDate.parse(from), LocalDate.parse(to)), segmentId, "total");
    }

    /** The segment's trend: its figures over November against the four weeks before. */
    Map<String, Object> trend(String segmentId) {
        return segment(segmentId, "trend");
    }

    /** The segment's figures in the week starting on {@code monday}. */
    Map<String, Object> week(String segmentId, String monday) {
        List<Map<String, Object>> weeks = segment(segmentId, "buckets");
        return weeks.stream().filter(w -> monday.equals(w.get("from"))).findFirst().orElseThrow();
    }

    /** The segments the reader is shown. */
    List<Object> segmentIds() {
        List<Map<String, Object>> segments = cast(read().get("segments"));
        return segments.stream().map(s -> s.get("segmentId")).toList();
    }

    static long incidents(Map<String, Object> figures) {
        return (Long) RiskReader.<Map<String, Object>>cast(figures.get("incidents")).get("total");
    }

    /** A part of a set of figures ({@code incidents}, {@code people}, ...). */
    static <T> T part(Map<String, Object> figures, String name) {
        return cast(figures.get(name));
    }

    static long dead(Map<String, Object> figures) {
        return (Long) RiskReader.<Map<String, Object>>cast(figures.get("people")).get("dead");
    }

    static Object casesOpened(Map<String, Object> figures) {
        return figures.get("missingPersonCasesOpened");
    }

    private <T> T segment(String segmentId, String part) {
        return segment(read(), segmentId, part);
    }

    private static <T> T segment(Map<String, Object> risk, String segmentId, String part) {
        List<Map<String, Object>> segments = cast(risk.get("segments"));
        return cast(segments.stream().filter(s -> segmentId.equals(s.get("segmentId"))).findFirst()
                .map(s -> s.get(part))
                .orElseThrow(() -> new AssertionError("No segment " + segmentId + " in " + risk)));
    }

    private Map<String, Object> read() {
        return read(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-29"));
    }

    private Map<String, Object> read(LocalDate from, LocalDate to) {
        return view.read(RiskEvents.ROUTE, from, to, RiskPeriod.WEEK, reader);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
