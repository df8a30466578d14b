package org.travesia.kernel.missing;

/** Where a missing-person case stands. */
public enum CaseStatus {
    /** Still looked for. */
    OPEN,
    FOUND_ALIVE,
    /** Found dead: the case points at the death incident. */
    FOUND_DECEASED,
    CLOSED
}
