package org.travesia.kernel.missing;

/** As the family or the person reported it; kept after an erasure (see the README's erasure policy). */
public enum Sex {
    FEMALE,
    MALE,
    OTHER
}
