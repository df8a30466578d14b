package org.travesia.kernel.missing;

import org.travesia.kernel.common.Violations;

/** Who reported the person missing: how they are related, and how to reach them (personal data). */
public record Reporter(Relationship relationship, String contact) {

    public static final int MAX_CONTACT_LENGTH = 500;

    public Reporter {
        Violations v = new Violations();
        v.check(contact == null || contact.length() <= MAX_CONTACT_LENGTH, "contact", "text.too-long",
                MAX_CONTACT_LENGTH);
        v.throwIfAny();
    }
}
