package org.travesia.command.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.travesia.kernel.incident.ImportMmpIncident;

/**
 * A running import's counts, updated by the threads that send its commands and written to {@link ImportProgress}
 * every so often. Rows are counted as read when their incident is done with, so the counts always add up:
 * {@code rowsRead = created + updated + unchanged + rejected} counted in rows (a split incident's rows count as
 * one outcome each).
 */
final class ImportTally {

    record Error(long line, String reason) {
    }

    record Snapshot(long rowsRead, long created, long updated, long unchanged, long rejected,
                    Map<String, Integer> quirks, List<Error> newErrors, long errorsNotListed) {
    }

    private long rowsRead;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private long errorsListed;
    private long errorsNotListed;
    private final Map<MmpQuirk, Integer> quirks = new EnumMap<>(MmpQuirk.class);
    private final List<Error> unwritten = new ArrayList<>();

    synchronized void fileQuirk(MmpQuirk quirk) {
        quirks.merge(quirk, 1, Integer::sum);
    }

    synchronized void done(int rows, ImportMmpIncident.Outcome outcome, Map<MmpQuirk, Integer> rowQuirks) {
        rowsRead += rows;
        switch (outcome) {
            case CREATED -> created += rows;
            case UPDATED -> updated += rows;
            case UNCHANGED -> unchanged += rows;
        }
        rowQuirks.forEach((quirk, n) -> quirks.merge(quirk, n, Integer::sum));
    }

    synchronized void rejected(Map<Long, String> reasons) {
        rowsRead += reasons.size();
        rejected += reasons.size();
        reasons.forEach((line, reason) -> {
            if (errorsListed < ImportProgress.MAX_LISTED_ERRORS) {
                errorsListed++;
                unwritten.add(new Error(line, reason));
            } else {
                errorsNotListed++;
            }
        });
    }

    /** The counts now, and the errors not yet written, which this hands over. */
    synchronized Snapshot take() {
        Map<String, Integer> named = new LinkedHashMap<>();
        quirks.forEach((quirk, n) -> named.put(quirk.summaryName(), n));
        List<Error> errors = List.copyOf(unwritten);
        unwritten.clear();
        return new Snapshot(rowsRead, created, updated, unchanged, rejected, named, errors, errorsNotListed);
    }
}
