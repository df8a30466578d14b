package org.travesia.query.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON family, each written a row at a time through one generator: NDJSON (one object per line), JSON (the same
 * objects in the {@code items} array of a document that also names the audience, {@code asOf} and the pinned
 * position) and GeoJSON (RFC 7946: a FeatureCollection of Features with a Point geometry at {@code [lon, lat]}, or a
 * null geometry where the location is not known, and the row as properties).
 */
final class JsonExportWriters {

    private JsonExportWriters() {
    }

    static ExportWriter ndjson(ObjectMapper json, Writer out) throws IOException {
        JsonGenerator generator = generator(json, out);
        generator.setRootValueSeparator(null);
        return new ExportWriter() {
            @Override
            public void begin() {
                // NDJSON has no prelude: each line stands alone.
            }

            @Override
            public void row(Map<String, Object> row) throws IOException {
                generator.writeObject(row);
                generator.flush();
                out.write('\n');
            }

            @Override
            public void end() throws IOException {
                generator.flush();
            }
        };
    }

    static ExportWriter json(ObjectMapper json, Writer out, Map<String, Object> header) throws IOException {
        JsonGenerator generator = generator(json, out);
        return new ExportWriter() {
            @Override
            public void begin() throws IOException {
                generator.writeStartObject();
                for (Map.Entry<String, Object> field : header.entrySet()) {
                    generator.writeObjectField(field.getKey(), field.getValue());
                }
                generator.writeArrayFieldStart("items");
                generator.flush();
            }

            @Override
            public void row(Map<String, Object> row) throws IOException {
                generator.writeObject(row);
            }

            @Override
            public void end() throws IOException {
                generator.writeEndArray();
                generator.writeEndObject();
                generator.flush();
            }
        };
    }

    static ExportWriter geoJson(ObjectMapper json, Writer out) throws IOException {
        JsonGenerator generator = generator(json, out);
        return new ExportWriter() {
            @Override
            public void begin() throws IOException {
                generator.writeStartObject();
                generator.writeStringField("type", "FeatureCollection");
                generator.writeArrayFieldStart("features");
                generator.flush();
            }

            @Override
            public void row(Map<String, Object> row) throws IOException {
                Map<String, Object> feature = new LinkedHashMap<>();
                feature.put("type", "Feature");
                feature.put("id", row.get("incidentId"));
                Object lat = row.get("lat");
                Object lon = row.get("lon");
                feature.put("geometry", lat == null || lon == null ? null
                        : Map.of("type", "Point", "coordinates", List.of(number(lon), number(lat))));
                feature.put("properties", row);
                generator.writeObject(feature);
            }

            @Override
            public void end() throws IOException {
                generator.writeEndArray();
                generator.writeEndObject();
                generator.flush();
            }
        };
    }

    private static Number number(Object coordinate) {
        return coordinate instanceof Number number ? number : new BigDecimal(coordinate.toString());
    }

    /** A generator that leaves the response open: the export closes it. */
    private static JsonGenerator generator(ObjectMapper json, Writer out) throws IOException {
        JsonGenerator generator = json.getFactory().createGenerator(out);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        return generator;
    }
}
