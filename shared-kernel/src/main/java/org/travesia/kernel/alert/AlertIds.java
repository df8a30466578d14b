package org.travesia.kernel.alert;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Alert ids: the route, a dot, and a name-based UUID of the organisation, rule, segment and trigger position. The
 * same crossing always gets the same id (retries and replays are recognised), and the route is readable from the id,
 * so that acknowledging an alert needs no lookup. Route ids are slugs, which hold no dot.
 */
public final class AlertIds {

    private AlertIds() {
    }

    public static String of(String routeId, String organisation, String ruleId, String segmentId, long position) {
        String name = String.join("\u0000", organisation, ruleId, segmentId == null ? "" : segmentId,
                Long.toString(position));
        return routeId + "." + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The route an alert id names, or null when it is not an alert id. */
    public static String routeOf(String alertId) {
        int dot = alertId == null ? -1 : alertId.indexOf('.');
        return dot <= 0 ? null : alertId.substring(0, dot);
    }
}
