package org.travesia.query.risk;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one incident or one missing-person case adds to the risk buckets of its route and day, at one leaf. */
interface BucketContribution {

    String routeId();

    /** The segment, or {@link RiskContribution#NO_SEGMENT}: each segment of a route has bucket documents of its own. */
    String segmentKey();

    LocalDate day();

    /** The organisation that recorded it, its name in hex. */
    String organisationKey();

    /** The path of the leaf inside its segment's bucket document. */
    String leaf();

    /** The counters added at the leaf, by name. */
    Map<String, Long> metrics();

    /** Every counter added to the bucket document, by path: the leaf's, and any kept beside them. */
    default Map<String, Long> increments() {
        Map<String, Long> increments = new LinkedHashMap<>();
        metrics().forEach((metric, value) -> increments.put(leaf() + "." + metric, value));
        return increments;
    }
}
