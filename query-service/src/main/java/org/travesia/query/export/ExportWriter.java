package org.travesia.query.export;

import java.io.IOException;
import java.util.Map;

/**
 * Writes an export's rows in one format as they come: its prelude (a header row, an opening bracket), each row, and
 * its close. Holds nothing but the row it is given.
 */
interface ExportWriter {

    /** What comes before the first row; sent at once, so the client sees the answer start. */
    void begin() throws IOException;

    void row(Map<String, Object> row) throws IOException;

    /** What comes after the last row. */
    void end() throws IOException;
}
