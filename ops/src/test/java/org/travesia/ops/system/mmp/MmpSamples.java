package org.travesia.ops.system.mmp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.travesia.platform.testing.Api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The real MMP files, copied into the test resources ({@code mmp/}; IOM Missing Migrants Project, CC BY-IGO),
 * uploading them, and
 * a CSV reading of the test's own: a few lines of RFC 4180, so that what a test expects is never computed by the
 * importer's code.
 */
final class MmpSamples {

    static final String HDX = "mmp-hdx-layout-2014-2015.csv";
    static final String WEB_EXPORT = "mmp-web-export-2026-01-to-05.csv";

    private MmpSamples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = MmpSamples.class.getResourceAsStream("/mmp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No MMP sample " + name + " in ops/src/test/resources/mmp");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads a file as {@code text/csv} and waits for its import to end; answers its summary. */
    static JsonNode imported(Api analyst, byte[] csv, String query) {
        Api.Response started = analyst.send("POST", "/api/v1/imports/mmp" + query, "text/csv", csv);
        if (started.status() != 202) {
            throw new AssertionError(started.toString());
        }
        String id = started.json().get("importId").asText();
        JsonNode[] summary = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            summary[0] = analyst.get("/api/v1/imports/" + id).json();
            return !"RUNNING".equals(summary[0].get("state").asText());
        });
        return summary[0];
    }

    /** The rows of a CSV text, each a list of cells, the header first. */
    static List<List<String>> rows(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
