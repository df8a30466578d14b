package org.travesia.kernel.common;

/** WGS84 coordinates in decimal degrees. */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        Violations v = new Violations();
        v.check(Double.isFinite(lat) && lat >= -90 && lat <= 90, "lat", "coordinates.out-of-range", "lat", -90, 90);
        v.check(Double.isFinite(lon) && lon >= -180 && lon <= 180, "lon", "coordinates.out-of-range", "lon", -180, 180);
        v.throwIfAny();
    }
}
