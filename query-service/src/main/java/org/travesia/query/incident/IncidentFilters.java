package org.travesia.query.incident;

import java.util.ArrayList;
import java.util.List;

import org.bson.conversions.Bson;
import org.travesia.kernel.common.BoundingBox;
import org.travesia.kernel.incident.FindIncidents;

import com.mongodb.client.model.Filters;

/**
 * A search as a MongoDB filter on incident documents: the {@code incidents} read model, or (with the prefix
 * {@code state.}) the states kept in {@code incident_history}. Callers always add the caller's scope.
 */
public final class IncidentFilters {

    private IncidentFilters() {
    }

    public static Bson of(FindIncidents find, Bson scope) {
        return Filters.and(scope, of(find, ""));
    }

    public static Bson of(FindIncidents find, String prefix) {
        List<Bson> all = new ArrayList<>();
        all.add(Filters.exists(prefix + "_id"));
        if (find.routeId() != null) {
            all.add(Filters.eq(prefix + "details.routeId", find.routeId()));
        }
        if (find.segmentId() != null) {
            all.add(Filters.eq(prefix + "details.segmentId", find.segmentId()));
        }
        if (find.country() != null) {
            all.add(Filters.eq(prefix + "details.place.country", find.country()));
        }
        if (find.type() != null) {
            all.add(Filters.eq(prefix + "details.type", find.type().name()));
        }
        if (find.status() != null) {
            all.add(Filters.eq(prefix + "status", find.status().name()));
        }
        if (find.from() != null) {
            all.add(Filters.gte(prefix + "occurredFrom", java.util.Date.from(find.from())));
        }
        if (find.to() != null) {
            all.add(Filters.lt(prefix + "occurredFrom", java.util.Date.from(find.to())));
        }
        if (find.minQuality() != null) {
            all.add(Filters.gte(prefix + "effectiveQuality", find.minQuality()));
        }
        if (find.bbox() != null) {
            all.add(within(find.bbox(), prefix));
        }
        return Filters.and(all);
    }

    private static Bson within(BoundingBox box, String prefix) {
        String lat = prefix + "details.place.coordinates.lat";
        String lon = prefix + "details.place.coordinates.lon";
        Bson latitude = Filters.and(Filters.gte(lat, box.minLat()), Filters.lte(lat, box.maxLat()));
        Bson longitude = box.crossesAntimeridian()
                ? Filters.or(Filters.gte(lon, box.minLon()), Filters.lte(lon, box.maxLon()))
                : Filters.and(Filters.gte(lon, box.minLon()), Filters.lte(lon, box.maxLon()));
        return Filters.and(latitude, longitude);
    }

    static String sortField(FindIncidents.Sort sort) {
        return sort == FindIncidents.Sort.RECORDED_AT ? "recordedAt" : "occurredFrom";
    }
}
