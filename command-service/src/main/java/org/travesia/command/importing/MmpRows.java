package org.travesia.command.importing;

import java.util.Map;

import org.apache.commons.csv.CSVRecord;

/** Reading the cells of an MMP record by column. */
final class MmpRows {

    private MmpRows() {
    }

    /** The cell, stripped; null when the column is absent from the layout or the row is short of it. */
    static String cell(CSVRecord record, Map<MmpColumn, Integer> columns, MmpColumn column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        return record.get(index).strip();
    }

    /**
     * The MMP incident a row belongs to: its {@code Main ID}, which the rows of a split incident share, else its
     * {@code Incident ID}; null when it has neither.
     */
    static String key(CSVRecord record, Map<MmpColumn, Integer> columns) {
        String main = cell(record, columns, MmpColumn.MAIN_ID);
        if (main != null && !main.isEmpty()) {
            return main;
        }
        String incident = cell(record, columns, MmpColumn.INCIDENT_ID);
        return incident == null || incident.isEmpty() ? null : incident;
    }
}
