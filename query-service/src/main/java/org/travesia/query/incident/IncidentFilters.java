package org.travesia.query.incident;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.travesia.kernel.common.BoundingBox;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.FindIncidents;
import org.travesia.kernel.incident.IncidentStatus;
import org.travesia.query.incident.api.IncidentSelection;

import com.mongodb.client.model.Filters;

/**
 * A search as a MongoDB filter on incident documents: the {@code incidents} read model, or (with the prefix
 * {@code state.}) the states kept in {@code incident_history}. Callers always add the caller's scope.
 */
final class IncidentFilters {

    private IncidentFilters() {
    }

    static Bson of(FindIncidents find, Bson scope) {
        return Filters.and(scope, of(find, ""));
    }

    /** A selection on documents whose fields carry {@code prefix}: its search, sharing levels and statuses. */
    static Bson of(IncidentSelection selection, String prefix) {
        List<Bson> all = new ArrayList<>();
        all.add(of(selection.find(), prefix));
        if (!selection.sharing().isEmpty()) {
            all.add(Filters.in(prefix + IncidentDocument.SHARING,
                    selection.sharing().stream().map(SharingLevel::name).toList()));
        }
        if (!selection.statuses().isEmpty()) {
            all.add(Filters.in(prefix + IncidentDocument.STATUS,
                    selection.statuses().stream().map(IncidentStatus::name).toList()));
        }
        if (selection.mmpOnly()) {
            all.add(Filters.type(prefix + IncidentDocument.MMP, BsonType.DOCUMENT));
        }
        return Filters.and(all);
    }

    static Bson of(FindIncidents find, String prefix) {
        List<Bson> all = new ArrayList<>();
        all.add(Filters.exists(prefix + IncidentDocument.ID));
        if (find.routeId() != null) {
            all.add(Filters.eq(prefix + IncidentDocument.ROUTE, find.routeId()));
        }
        if (find.segmentId() != null) {
            all.add(Filters.eq(prefix + IncidentDocument.SEGMENT, find.segmentId()));
        }
        if (find.country() != null) {
            all.add(Filters.eq(prefix + IncidentDocument.COUNTRY, find.country()));
        }
        if (find.type() != null) {
            all.add(Filters.eq(prefix + IncidentDocument.TYPE, find.type().name()));
        }
        if (find.status() != null) {
            all.add(Filters.eq(prefix + IncidentDocument.STATUS, find.status().name()));
        }
        if (find.from() != null) {
            all.add(Filters.gte(prefix + IncidentDocument.OCCURRED_FROM, Date.from(find.from())));
        }
        if (find.to() != null) {
            all.add(Filters.lt(prefix + IncidentDocument.OCCURRED_FROM, Date.from(find.to())));
        }
        if (find.minQuality() != null) {
            all.add(Filters.gte(prefix + IncidentDocument.EFFECTIVE_QUALITY, find.minQuality()));
        }
        if (find.mmpRoute() != null) {
            all.add(Filters.eq(prefix + IncidentDocument.MMP_ROUTE, find.mmpRoute()));
        }
        if (find.bbox() != null) {
            all.add(within(find.bbox(), prefix));
        }
        return Filters.and(all);
    }

    /**
     * Whether an incident document (or a kept state) matches the selection, in memory: the same rule as
     * {@link #of(IncidentSelection, String)}, with MongoDB's semantics (a missing or null field matches no condition
     * on it). A snapshot decides with it on states read from history; a test holds the two together.
     */
    static boolean matches(IncidentSelection selection, Document incident) {
        FindIncidents find = selection.find();
        return incident.get(IncidentDocument.ID) != null
                && equal(find.routeId(), incident, IncidentDocument.ROUTE)
                && equal(find.segmentId(), incident, IncidentDocument.SEGMENT)
                && equal(find.country(), incident, IncidentDocument.COUNTRY)
                && equal(find.type() == null ? null : find.type().name(), incident, IncidentDocument.TYPE)
                && equal(find.status() == null ? null : find.status().name(), incident, IncidentDocument.STATUS)
                && equal(find.mmpRoute(), incident, IncidentDocument.MMP_ROUTE)
                && occurredWithin(find, incident.getDate(IncidentDocument.OCCURRED_FROM))
                && (find.minQuality() == null || value(incident, IncidentDocument.EFFECTIVE_QUALITY) instanceof Number q
                        && q.doubleValue() >= find.minQuality())
                && (find.bbox() == null || within(find.bbox(), value(incident, IncidentDocument.LATITUDE),
                        value(incident, IncidentDocument.LONGITUDE)))
                && (selection.sharing().isEmpty() || selection.sharing().stream().map(SharingLevel::name)
                        .anyMatch(level -> level.equals(incident.getString(IncidentDocument.SHARING))))
                && (selection.statuses().isEmpty() || selection.statuses().stream().map(IncidentStatus::name)
                        .anyMatch(status -> status.equals(incident.getString(IncidentDocument.STATUS))))
                && (!selection.mmpOnly() || incident.get(IncidentDocument.MMP) instanceof Document);
    }

    private static boolean equal(String wanted, Document incident, String path) {
        return wanted == null || wanted.equals(value(incident, path));
    }

    private static boolean occurredWithin(FindIncidents find, Date occurredFrom) {
        if (find.from() == null && find.to() == null) {
            return true;
        }
        return occurredFrom != null && (find.from() == null || !occurredFrom.toInstant().isBefore(find.from()))
                && (find.to() == null || occurredFrom.toInstant().isBefore(find.to()));
    }

    private static boolean within(BoundingBox box, Object lat, Object lon) {
        if (!(lat instanceof Number latitude) || !(lon instanceof Number longitude)) {
            return false;
        }
        double y = latitude.doubleValue();
        double x = longitude.doubleValue();
        boolean inLongitude = box.crossesAntimeridian() ? x >= box.minLon() || x <= box.maxLon()
                : x >= box.minLon() && x <= box.maxLon();
        return y >= box.minLat() && y <= box.maxLat() && inLongitude;
    }

    /** The value at a dotted path of nested documents; null where any step is missing. */
    static Object value(Document document, String path) {
        Object value = document;
        for (String key : path.split("\\.")) {
            if (!(value instanceof Document nested)) {
                return null;
            }
            value = nested.get(key);
        }
        return value;
    }

    private static Bson within(BoundingBox box, String prefix) {
        String lat = prefix + IncidentDocument.LATITUDE;
        String lon = prefix + IncidentDocument.LONGITUDE;
        Bson latitude = Filters.and(Filters.gte(lat, box.minLat()), Filters.lte(lat, box.maxLat()));
        Bson longitude = box.crossesAntimeridian()
                ? Filters.or(Filters.gte(lon, box.minLon()), Filters.lte(lon, box.maxLon()))
                : Filters.and(Filters.gte(lon, box.minLon()), Filters.lte(lon, box.maxLon()));
        return Filters.and(latitude, longitude);
    }

    static String sortField(FindIncidents.Sort sort) {
        return sort == FindIncidents.Sort.RECORDED_AT ? IncidentDocument.RECORDED_AT : IncidentDocument.OCCURRED_FROM;
    }
}
