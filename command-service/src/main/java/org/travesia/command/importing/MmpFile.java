package org.travesia.command.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.input.BOMInputStream;

/**
 * An uploaded MMP file on disk, read as a stream of CSV records (commons-csv), never whole into memory.
 * <p>
 * {@link #check} reads it once from end to end before anything is imported and refuses it whole for a defect of the
 * file: bytes that are not UTF-8 text or hold NUL (a binary file), CSV that does not parse (a quote left open), a
 * header that is not either MMP layout, or no rows. What it learns on the way is how many rows share each MMP key,
 * so that the rows of a split incident, wherever they are in the file, become one incident. A row that is wrong on
 * its own (a date that does not parse, a count that is not a number) is not a defect of the file: the import rejects
 * that row with its line number and carries on.
 */
final class MmpFile {

    private static final int SNIFF_BYTES = 8192;

    private final Path path;

    MmpFile(Path path) {
        this.path = path;
    }

    /** What the check found: the layout, the columns, the rows, and how many rows each MMP key has. */
    record Checked(MmpLayout layout, Map<MmpColumn, Integer> columns, long rows, Map<String, Integer> rowsPerKey,
                   boolean byteOrderMark) {
    }

    /** One record with its line number in the file, as an error names it. */
    record Row(long line, CSVRecord record) {
    }

    Checked check() {
        sniff();
        try (InputStream bytes = open(); Reader reader = strictUtf8(bytes); CSVParser parser = parse(reader)) {
            boolean bom = bytes instanceof BOMInputStream withBom && withBom.hasBOM();
            Map<MmpColumn, Integer> columns = columns(parser.getHeaderNames());
            Map<String, Integer> rowsPerKey = new HashMap<>();
            long rows = 0;
            for (CSVRecord record : parser) {
                rows++;
                for (String value : record) {
                    if (value.indexOf('\0') >= 0) {
                        throw new MalformedMmpFileException("import.file.binary");
                    }
                }
                String key = MmpRows.key(record, columns);
                if (key != null) {
                    rowsPerKey.merge(key, 1, Integer::sum);
                }
            }
            if (rows == 0) {
                throw new MalformedMmpFileException("import.file.no-rows");
            }
            return new Checked(MmpLayout.of(parser.getHeaderNames()), columns, rows, rowsPerKey, bom);
        } catch (UncheckedIOException e) {
            throw refusal(e.getCause());
        } catch (IOException e) {
            throw refusal(e);
        }
    }

    /** Every record in file order, after a successful {@link #check}. */
    void forEachRow(Consumer<Row> action) {
        try (InputStream bytes = open(); Reader reader = strictUtf8(bytes); CSVParser parser = parse(reader)) {
            // A record's line is where it starts: the line after the end of the one before (a quoted cell may span
            // lines, so counting records would drift).
            long endOfPrevious = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                action.accept(new Row(endOfPrevious + 1, record));
                endOfPrevious = parser.getCurrentLineNumber();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file with a NUL byte among its first bytes is binary (an image, an archive, a spreadsheet), not CSV. */
    private void sniff() {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            if (head.length == 0) {
                throw new MalformedMmpFileException("import.file.empty");
            }
            for (byte b : head) {
                if (b == 0) {
                    throw new MalformedMmpFileException("import.file.binary");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream open() throws IOException {
        return BOMInputStream.builder().setInputStream(new BufferedInputStream(Files.newInputStream(path)))
                .setInclude(false).get();
    }

    /** UTF-8 that refuses malformed bytes instead of replacing them: a file that is not text is refused whole. */
    private static Reader strictUtf8(InputStream bytes) {
        return new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static CSVParser parse(Reader reader) throws IOException {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).setAllowMissingColumnNames(true)
                    .setTrailingDelimiter(false).get().parse(reader);
        } catch (IllegalArgumentException duplicateOrBadHeader) {
            throw new MalformedMmpFileException("import.file.header", duplicateOrBadHeader.getMessage());
        }
    }

    /** Where each column the import reads is, by header name; a missing required column refuses the file. */
    static Map<MmpColumn, Integer> columns(List<String> headers) {
        if (headers.size() < 2) {
            throw new MalformedMmpFileException("import.file.not-csv");
        }
        Map<MmpColumn, Integer> columns = new EnumMap<>(MmpColumn.class);
        for (int i = 0; i < headers.size(); i++) {
            for (MmpColumn column : MmpColumn.values()) {
                if (column.isNamed(headers.get(i))) {
                    columns.put(column, i);
                }
            }
        }
        List<String> missing = java.util.Arrays.stream(MmpColumn.values())
                .filter(column -> column.required() && !columns.containsKey(column))
                .map(MmpColumn::displayName).toList();
        if (!missing.isEmpty()) {
            throw new MalformedMmpFileException("import.file.header", String.join(", ", missing));
        }
        if (MmpLayout.of(headers) == MmpLayout.HDX && !columns.containsKey(MmpColumn.COUNTRY)) {
            throw new MalformedMmpFileException("import.file.header", MmpColumn.COUNTRY.displayName());
        }
        return columns;
    }

    private static MalformedMmpFileException refusal(Throwable cause) {
        if (cause instanceof MalformedMmpFileException malformed) {
            return malformed;
        }
        if (cause instanceof CharacterCodingException) {
            return new MalformedMmpFileException("import.file.binary");
        }
        // commons-csv's message names the line ("(line 7) EOF reached before encapsulated token finished").
        return new MalformedMmpFileException("import.file.not-csv-at", lineIn(cause.getMessage()));
    }

    private static String lineIn(String message) {
        if (message == null) {
            return "?";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
        return m.find() ? m.group(1) : "?";
    }
}
