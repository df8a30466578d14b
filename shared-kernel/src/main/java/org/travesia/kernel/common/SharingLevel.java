package org.travesia.kernel.common;

/** Who may see a report. Reads filter by it in the query itself, never after fetching. */
public enum SharingLevel {
    /** Only the reporting organisation. */
    ORGANISATION,
    /** Partner organisations of the network. */
    NETWORK,
    /** Anyone, aggregated and anonymised. */
    PUBLIC;

    /**
     * A level as history recorded it. A code this build does not know is read as the narrowest audience, so that
     * reading history never shows a report wider than it was shared.
     */
    public static SharingLevel recorded(String code) {
        for (SharingLevel level : values()) {
            if (level.name().equals(code)) {
                return level;
            }
        }
        return ORGANISATION;
    }
}
