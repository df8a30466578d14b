package org.travesia.query.risk;

import java.time.LocalDate;
import java.util.Map;

import org.travesia.kernel.missing.MissingPersonFacts;

/**
 * What a missing-person case adds to the risk buckets: one case opened, under the route and segment where the person
 * was last seen, on that day, by owning organisation and sharing level so that a reader counts only the cases it may.
 * Nothing about the person is read: only the route, the segment and the date, which stay after an erasure.
 */
record CaseContribution(String routeId, String segmentKey, String organisationKey, String sharing, LocalDate day)
        implements BucketContribution {

    /** The counters of cases in a segment's bucket document: by organisation and sharing level, beside {@code s}. */
    static final String CASES = "c";
    static final String OPENED = "n";

    /** What the case counts for: nothing when its person was last seen on no route or on no readable date. */
    static CaseContribution of(String organisation, String sharing, MissingPersonFacts.LastSeen lastSeen) {
        LocalDate day = lastSeen == null ? null : RiskContribution.day(lastSeen.date());
        if (day == null || lastSeen.routeId() == null) {
            return null;
        }
        return new CaseContribution(lastSeen.routeId(),
                lastSeen.segmentId() == null ? RiskContribution.NO_SEGMENT : lastSeen.segmentId(),
                RiskContribution.organisationKey(organisation), sharing, day);
    }

    @Override
    public String leaf() {
        return CASES + "." + organisationKey + "." + sharing;
    }

    @Override
    public Map<String, Long> metrics() {
        return Map.of(OPENED, 1L);
    }
}
