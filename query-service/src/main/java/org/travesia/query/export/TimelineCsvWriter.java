package org.travesia.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes export rows as RFC 4180 CSV, optionally with HXL hashtags as the second row. A cell that a spreadsheet
 * would run as a formula ({@code = + - @}, tab, carriage return) is prefixed with an apostrophe.
 */
final class TimelineCsvWriter {

    private TimelineCsvWriter() {
    }

    static void write(List<Map<String, Object>> rows, boolean hxl, Writer out) throws IOException {
        line(out, ExportRow.COLUMNS.stream().map(c -> c[0]).toList());
        if (hxl) {
            line(out, ExportRow.COLUMNS.stream().map(c -> c[1]).toList());
        }
        for (Map<String, Object> row : rows) {
            line(out, ExportRow.COLUMNS.stream().map(c -> (String) row.get(c[0])).toList());
        }
        out.flush();
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value)
                ? "'" + value
                : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /** Negative coordinates and counts are data, not formulas. */
    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
