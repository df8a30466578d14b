package org.travesia.platform.metrics;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps a metric tag's values few. Each distinct value is a time series for as long as the service runs, and a tag
 * fed from data that clients choose (a route's slug, say) could otherwise grow without bound: the first {@code limit}
 * values are kept as they are, every later one is counted as {@value #OTHER}, and a missing one as {@value #NONE}.
 */
public final class BoundedTagValues {

    public static final String OTHER = "other";
    public static final String NONE = "none";

    private final int limit;
    private final Set<String> admitted = new HashSet<>();

    public BoundedTagValues(int limit) {
        this.limit = limit;
    }

    public synchronized String of(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        if (admitted.contains(value)) {
            return value;
        }
        if (admitted.size() < limit) {
            admitted.add(value);
            return value;
        }
        return OTHER;
    }
}
