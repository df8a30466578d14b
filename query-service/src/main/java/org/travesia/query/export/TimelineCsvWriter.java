package org.travesia.query.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes export rows as RFC 4180 CSV (comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break, quotes doubled), optionally with HXL hashtags as the second row. A cell that a spreadsheet would run as
 * a formula ({@code = + - @}, tab, carriage return) is prefixed with an apostrophe. Lists are joined with {@code ;}.
 */
final class TimelineCsvWriter implements ExportWriter {

    private final Writer out;
    private final boolean hxl;

    TimelineCsvWriter(Writer out, boolean hxl) {
        this.out = out;
        this.hxl = hxl;
    }

    @Override
    public void begin() throws IOException {
        line(ExportRow.COLUMNS.stream().map(c -> c[0]).toList());
        if (hxl) {
            line(ExportRow.COLUMNS.stream().map(c -> c[1]).toList());
        }
    }

    @Override
    public void row(Map<String, Object> row) throws IOException {
        line(ExportRow.COLUMNS.stream().map(c -> text(row.get(c[0]))).toList());
    }

    @Override
    public void end() {
        // CSV has nothing after its last row.
    }

    private void line(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** A typed value as CSV text: numbers in plain notation (never {@code 1.0E-5}), lists joined. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).toPlainString();
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value)
                ? "'" + value
                : value;
        return quoted(safe);
    }

    /** A value quoted as RFC 4180 asks, without formula protection: for text made here of numbers only. */
    static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
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
