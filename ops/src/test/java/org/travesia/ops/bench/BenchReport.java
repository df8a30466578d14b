package org.travesia.ops.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What one run measured: the machine, the date and the command, then one table per scenario. Every row carries the
 * one-minute load average when it was measured, since other builds share the machine. Written as JSON (the raw
 * results, committed beside {@code docs/benchmarks.md}) and as Markdown tables to paste into it.
 */
final class BenchReport {

    static final String JSON_FILE = "results.json";
    static final String MARKDOWN_FILE = "results.md";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** When each row was printed: a run's log then shows where its time went. */
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Map<String, Object> run = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();

    /** One scenario's figures: a row per measurement, and notes that say what was compared with what. */
    record Table(String scenario, StringBuilder title, List<Map<String, Object>> rows, List<String> notes) {

        Table(String scenario) {
            this(scenario, new StringBuilder(), new ArrayList<>(), new ArrayList<>());
        }

        Map<String, Object> asJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("scenario", scenario);
            json.put("title", title.toString());
            json.put("rows", rows);
            json.put("notes", notes);
            return json;
        }
    }

    BenchReport(BenchOptions options) {
        run.put("command", options.command());
        run.put("quick", options.quick());
        run.put("sizes", options.sizes());
        run.put("startedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        run.put("machine", MachineFacts.describe());
    }

    void title(String scenario, String title) {
        table(scenario).title().setLength(0);
        table(scenario).title().append(title);
    }

    /** Adds a row: alternating column names and values, in column order. */
    void row(String scenario, Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        row.put("load", MachineFacts.oneMinuteLoad());
        table(scenario).rows().add(row);
        System.out.println("[bench " + CLOCK_TIME.format(LocalTime.now()) + "] " + scenario + ": " + row);
    }

    /** Adds a note to a scenario's table, once however many sizes make it. */
    void note(String scenario, String note) {
        List<String> notes = table(scenario).notes();
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    void finish() {
        run.put("finishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        run.put("loadAverageAtEnd", MachineFacts.loadAverage());
    }

    /** Writes {@value #JSON_FILE} and {@value #MARKDOWN_FILE} into {@code directory}; answers the JSON file. */
    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> document = new LinkedHashMap<>(run);
        List<Table> written = List.copyOf(tables.values());
        document.put("scenarios", written.stream().map(Table::asJson).toList());
        Path json = directory.resolve(JSON_FILE);
        JSON.writeValue(json.toFile(), document);
        Files.writeString(directory.resolve(MARKDOWN_FILE), markdown(written));
        return json;
    }

    private String markdown(List<Table> written) {
        StringBuilder md = new StringBuilder();
        md.append("Run `").append(run.get("command")).append("`, ").append(run.get("startedAt")).append(" to ")
                .append(run.get("finishedAt")).append(", on ").append(run.get("machine")).append(".\n");
        for (Table table : written) {
            md.append("\n### ").append(table.scenario()).append(": ").append(table.title()).append("\n\n");
            List<String> columns = new ArrayList<>();
            table.rows().forEach(row -> row.keySet().stream().filter(c -> !columns.contains(c)).forEach(columns::add));
            md.append("| ").append(String.join(" | ", columns)).append(" |\n");
            md.append("|").append("---|".repeat(columns.size())).append("\n");
            for (Map<String, Object> row : table.rows()) {
                md.append("| ");
                for (String column : columns) {
                    md.append(format(row.get(column))).append(" | ");
                }
                md.setLength(md.length() - 1);
                md.append("\n");
            }
            table.notes().forEach(note -> md.append("\n- ").append(note));
            md.append("\n");
        }
        return md.toString();
    }

    private static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Math.abs(d) >= 100) {
                return String.format(Locale.ROOT, "%,.0f", d);
            }
            if (Math.abs(d) >= 1 || d == 0 || !Double.isFinite(d)) {
                return String.format(Locale.ROOT, Math.abs(d) >= 10 ? "%.1f" : "%.2f", d);
            }
            // Ratios to raw are often below 0.01: two significant digits, not two decimals that round them to 0.00.
            return new BigDecimal(d).round(new MathContext(2)).toPlainString();
        }
        if (value instanceof Number number) {
            return String.format(Locale.ROOT, "%,d", number.longValue());
        }
        if (value instanceof Map<?, ?> named) {
            StringJoiner joined = new StringJoiner(", ");
            named.forEach((name, v) -> joined.add(name + " " + format(v)));
            return joined.toString();
        }
        return value.toString();
    }

    private Table table(String scenario) {
        return tables.computeIfAbsent(scenario, Table::new);
    }
}
