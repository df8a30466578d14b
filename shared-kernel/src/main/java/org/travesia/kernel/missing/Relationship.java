package org.travesia.kernel.missing;

/** How whoever reports a missing person is related to them. */
public enum Relationship {
    PARENT,
    CHILD,
    SIBLING,
    SPOUSE_OR_PARTNER,
    OTHER_RELATIVE,
    FRIEND,
    TRAVEL_COMPANION,
    ORGANISATION,
    OTHER
}
