package org.travesia.kernel.common;

/**
 * Where something happened. The country is required; everything else is optional. Coordinates keep their
 * precision: a point recorded "somewhere in the admin area" must never be drawn as if it were exact.
 */
public record Place(String country, String admin1, String admin2, String locality, GeoPoint coordinates,
                    LocationPrecision precision) {

    public static final int MAX_NAME_LENGTH = 200;

    public Place {
        Violations v = new Violations();
        v.build("", () -> Countries.requireIsoAlpha2("country", country));
        v.check(length(admin1) <= MAX_NAME_LENGTH, "admin1", "text.too-long", MAX_NAME_LENGTH);
        v.check(length(admin2) <= MAX_NAME_LENGTH, "admin2", "text.too-long", MAX_NAME_LENGTH);
        v.check(length(locality) <= MAX_NAME_LENGTH, "locality", "text.too-long", MAX_NAME_LENGTH);
        v.throwIfAny();
        if (coordinates != null && precision == null) {
            // Unknown precision is treated as the coarsest that still uses the point: a sub-national area.
            precision = LocationPrecision.ADMIN;
        }
    }

    public static Place inCountry(String country) {
        return new Place(country, null, null, null, null, LocationPrecision.COUNTRY);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
