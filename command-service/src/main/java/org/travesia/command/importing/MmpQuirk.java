package org.travesia.command.importing;

/**
 * What real MMP data does that a report made here may not, each counted in the import's summary (once per row, or
 * per file for the byte order mark), so that nothing is accepted silently.
 */
enum MmpQuirk {
    /** The file starts with a UTF-8 byte order mark, which is skipped. */
    BYTE_ORDER_MARK("byteOrderMark"),
    /** A US-format date ({@code Thu, 01/01/2026 - 12:00}), read month first, to the day. */
    US_DATE("usDates"),
    /** A count left empty: unknown, never zero. */
    EMPTY_COUNT("emptyCounts"),
    /** A count written with a thousands separator ({@code 1,022}). */
    THOUSANDS_SEPARATOR("thousandsSeparators"),
    /** A negative count: MMP's correction of an earlier figure, kept signed so totals equal MMP's own sums. */
    NEGATIVE_COUNT("negativeCounts"),
    /** No country of incident (at sea, or a layout without the column): region and coordinates kept instead. */
    NO_COUNTRY("noCountry"),
    /** A country name that is not recognised: kept as MMP's text, with no country code. */
    COUNTRY_NOT_RECOGNISED("countriesNotRecognised"),
    /** Coordinates cut short ({@code 59.1551, 28}): kept, with the coarsest precision. */
    TRUNCATED_COORDINATES("truncatedCoordinates"),
    /** Several causes of death in one cell. */
    SEVERAL_CAUSES("severalCauses"),
    /** A cause in older free text ({@code Shot (police)}), mapped by its words to a category; the text is kept. */
    CAUSE_FROM_FREE_TEXT("causesFromFreeText"),
    /** A cause whose words match no category: no category recorded, MMP's text kept. */
    CAUSE_NOT_MAPPED("causesNotMapped"),
    /** Rows of one split incident (one {@code Main ID}) merged into one incident. */
    SPLIT_INCIDENT_ROW("splitIncidentRows"),
    /** Neither dead nor missing is a positive number: the type follows the count that is given. */
    TYPE_FROM_CORRECTION("typeFromCorrectionOnly"),
    /** No source quality, or one outside 1–5: no source recorded. */
    NO_SOURCE_QUALITY("noSourceQuality");

    private final String summaryName;

    MmpQuirk(String summaryName) {
        this.summaryName = summaryName;
    }

    /** The name the import's summary counts it under. */
    String summaryName() {
        return summaryName;
    }
}
