package org.travesia.query.export;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code travesia_exports_total} and {@code travesia_export_rows_total}: exports sent and the incidents in them, by
 * audience and format (both fixed lists).
 */
@Component
class ExportMetrics {

    private final MeterRegistry registry;

    ExportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void exported(ExportAudience audience, ExportFormat format, long rows) {
        exported(audience, format.name(), rows);
    }

    void exported(ExportAudience audience, String format, long rows) {
        String audienceTag = audience.name().toLowerCase(Locale.ROOT);
        String formatTag = format.toLowerCase(Locale.ROOT);
        Counter.builder("travesia.exports").description("Exports sent, by audience and format")
                .tag("audience", audienceTag).tag("format", formatTag).register(registry).increment();
        Counter.builder("travesia.export.rows").description("Incidents in the exports sent, by audience and format")
                .tag("audience", audienceTag).tag("format", formatTag).register(registry).increment(rows);
    }
}
