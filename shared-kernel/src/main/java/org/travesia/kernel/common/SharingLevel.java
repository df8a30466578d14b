package org.travesia.kernel.common;

/** Who may see a report. Reads filter by it in the query itself, never after fetching. */
public enum SharingLevel {
    /** Only the reporting organisation. */
    ORGANISATION,
    /** Partner organisations of the network. */
    NETWORK,
    /** Anyone, aggregated and anonymised. */
    PUBLIC
}
