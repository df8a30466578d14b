package org.travesia.kernel.incident;

/**
 * Where an incident counts: the route and segment every view and alert rule uses, and how it was decided. The one
 * rule of precedence, shared by the write side and every projection: an analyst's override wins; else the route the
 * report names; else the one derived from the coordinates.
 */
public record RouteAssignment(String routeId, String segmentId, Method method) {

    /** How the assignment was decided. */
    public enum Method {
        /** The report named its route (and perhaps its segment). */
        REPORTED,
        /** Derived from the coordinates, by point in polygon. */
        POINT_IN_POLYGON,
        /** Set by an analyst, with a reason. */
        ANALYST
    }

    public static final RouteAssignment NONE = new RouteAssignment(null, null, null);

    /**
     * The effective assignment from the three sources; each is null when absent. A derivation fills in the segment
     * of a report that names its route but not its segment, when it derived the same route.
     */
    public static RouteAssignment effective(RouteAssignment overridden, RouteAssignment reported,
                                            RouteAssignment derived) {
        if (overridden != null && overridden.routeId() != null) {
            return overridden;
        }
        if (reported != null && reported.routeId() != null) {
            if (reported.segmentId() == null && derived != null && reported.routeId().equals(derived.routeId())) {
                return new RouteAssignment(reported.routeId(), derived.segmentId(), Method.POINT_IN_POLYGON);
            }
            return reported;
        }
        return derived != null && derived.routeId() != null ? derived : NONE;
    }

    public static RouteAssignment reported(String routeId, String segmentId) {
        return routeId == null ? null : new RouteAssignment(routeId, segmentId, Method.REPORTED);
    }

    public static RouteAssignment derived(String routeId, String segmentId) {
        return routeId == null ? null : new RouteAssignment(routeId, segmentId, Method.POINT_IN_POLYGON);
    }

    public static RouteAssignment analyst(String routeId, String segmentId) {
        return routeId == null ? null : new RouteAssignment(routeId, segmentId, Method.ANALYST);
    }
}
