package org.travesia.query.incident;

import java.util.ArrayList;
import java.util.List;

import org.bson.conversions.Bson;
import org.travesia.kernel.common.BoundingBox;
import org.travesia.kernel.incident.FindIncidents;

import com.mongodb.client.model.Filters;

/** A search as a MongoDB filter on the {@code incidents} read model, always together with the caller's scope. */
final class IncidentFilters {

    static final String LAT = "details.place.coordinates.lat";
    static final String LON = "details.place.coordinates.lon";

    private IncidentFilters() {
    }

    static Bson of(FindIncidents find, Bson scope) {
        List<Bson> all = new ArrayList<>();
        all.add(scope);
        if (find.routeId() != null) {
            all.add(Filters.eq("details.routeId", find.routeId()));
        }
        if (find.segmentId() != null) {
            all.add(Filters.eq("details.segmentId", find.segmentId()));
        }
        if (find.country() != null) {
            all.add(Filters.eq("details.place.country", find.country()));
        }
        if (find.type() != null) {
            all.add(Filters.eq("details.type", find.type().name()));
        }
        if (find.status() != null) {
            all.add(Filters.eq("status", find.status().name()));
        }
        if (find.from() != null) {
            all.add(Filters.gte("occurredFrom", java.util.Date.from(find.from())));
        }
        if (find.to() != null) {
            all.add(Filters.lt("occurredFrom", java.util.Date.from(find.to())));
        }
        if (find.minQuality() != null) {
            all.add(Filters.gte("effectiveQuality", find.minQuality()));
        }
        if (find.bbox() != null) {
            all.add(within(find.bbox()));
        }
        return Filters.and(all);
    }

    private static Bson within(BoundingBox box) {
        Bson latitude = Filters.and(Filters.gte(LAT, box.minLat()), Filters.lte(LAT, box.maxLat()));
        Bson longitude = box.crossesAntimeridian()
                ? Filters.or(Filters.gte(LON, box.minLon()), Filters.lte(LON, box.maxLon()))
                : Filters.and(Filters.gte(LON, box.minLon()), Filters.lte(LON, box.maxLon()));
        return Filters.and(latitude, longitude);
    }

    static String sortField(FindIncidents.Sort sort) {
        return sort == FindIncidents.Sort.RECORDED_AT ? "recordedAt" : "occurredFrom";
    }
}
