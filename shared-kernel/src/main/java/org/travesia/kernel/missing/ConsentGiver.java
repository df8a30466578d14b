package org.travesia.kernel.missing;

/** Who gave consent for the case's uses: rarely the missing person themselves. */
public enum ConsentGiver {
    THE_PERSON,
    REPORTER,
    FAMILY_MEMBER,
    LEGAL_GUARDIAN,
    OTHER
}
