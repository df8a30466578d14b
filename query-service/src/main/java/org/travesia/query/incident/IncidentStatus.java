package org.travesia.query.incident;

/** Where an incident stands in curation. Duplicates and retractions stay visible but leave the counts. */
enum IncidentStatus {
    REPORTED,
    VERIFIED,
    DUPLICATE,
    RETRACTED
}
