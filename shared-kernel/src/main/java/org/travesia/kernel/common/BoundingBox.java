package org.travesia.kernel.common;

/**
 * A longitude/latitude box, as {@code minLon,minLat,maxLon,maxLat}. A box whose minLon is greater than its maxLon
 * crosses the antimeridian.
 */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    public BoundingBox {
        boolean valid = Double.isFinite(minLon) && Double.isFinite(maxLon) && Double.isFinite(minLat)
                && Double.isFinite(maxLat) && minLon >= -180 && maxLon <= 180 && minLon <= 180 && maxLon >= -180
                && minLat >= -90 && maxLat <= 90 && minLat <= maxLat;
        if (!valid) {
            throw new InvalidValueException("bbox", "parameter.bbox.invalid");
        }
    }

    public static BoundingBox parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new InvalidValueException("bbox", "parameter.bbox.invalid");
        }
        try {
            return new BoundingBox(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                    Double.parseDouble(parts[2].trim()), Double.parseDouble(parts[3].trim()));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("bbox", "parameter.bbox.invalid");
        }
    }

    public boolean crossesAntimeridian() {
        return minLon > maxLon;
    }
}
