package org.travesia.kernel.incident;

/** Where an incident stands in curation. Duplicates and retractions stay visible but leave the counts. */
public enum IncidentStatus {
    REPORTED,
    VERIFIED,
    DUPLICATE,
    RETRACTED;

    /** Whether incidents in this status count in totals and risk figures. */
    public boolean counts() {
        return this == REPORTED || this == VERIFIED;
    }
}
