package org.travesia.query.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.travesia.kernel.common.ConsentUse;

/**
 * How many rows an export left out, and why: the {@value #HEADER} trailer field of its answer (sent after the last
 * row, declared by its {@code Trailer} header) and the {@code withheld} details of its {@code EXPORT_FINISHED} audit
 * entry say the same. The rows are those that matched the export's audience, filters and {@code asOf} among what the
 * caller may read, and lacked the consent the audience (and purpose) needs; the only reason so far is
 * {@value #CONSENT}. The field is an RFC 8941 item, an integer with parameters:
 * {@code 3;reason="consent";uses="ADVOCACY_AGGREGATED"}, where {@code uses} names every use required, space-separated.
 * It is sent on every export, with 0 when nothing was withheld, so a client can tell "none" from "not counted".
 */
record WithheldRows(long rows, Set<ConsentUse> uses) {

    static final String HEADER = "Travesia-Withheld";
    static final String CONSENT = "consent";

    String header() {
        return rows + ";reason=\"" + CONSENT + "\";uses=\"" + names().collect(Collectors.joining(" ")) + "\"";
    }

    /** The audit entry's details: counts and codes only, never which rows. */
    Map<String, Object> audit() {
        Map<String, Object> withheld = new LinkedHashMap<>();
        withheld.put("rows", rows);
        withheld.put("reason", CONSENT);
        withheld.put("uses", names().toList());
        return Map.of("withheld", withheld);
    }

    private Stream<String> names() {
        return uses.stream().sorted().map(ConsentUse::name);
    }
}
