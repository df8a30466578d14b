package org.travesia.query.export;

import java.util.Locale;

import org.springframework.http.MediaType;
import org.travesia.kernel.common.InvalidValueException;

/** The export formats, with their media types and file extensions. */
enum ExportFormat {
    CSV("text/csv;charset=UTF-8", "csv"),
    HXL("text/csv;charset=UTF-8", "hxl.csv"),
    NDJSON("application/x-ndjson", "ndjson"),
    JSON("application/json", "json"),
    GEOJSON("application/geo+json", "geojson");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    MediaType mediaType() {
        return MediaType.parseMediaType(mediaType);
    }

    String extension() {
        return extension;
    }

    static ExportFormat parse(String format) {
        try {
            return valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("format", "parameter.invalid", "format");
        }
    }
}
