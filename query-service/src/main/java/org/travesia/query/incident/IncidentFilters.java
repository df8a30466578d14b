package org.travesia.query.incident;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
