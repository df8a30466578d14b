package org.travesia.kernel.missing;

/** How sure whoever recorded a sighting is that it was the person. */
public enum SightingConfidence {
    LOW,
    MEDIUM,
    HIGH
}
