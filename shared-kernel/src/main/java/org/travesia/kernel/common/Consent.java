package org.travesia.kernel.common;

import java.util.List;

/** Whether consent was obtained, and for which uses. No consent means no uses. */
public record Consent(boolean obtained, List<ConsentUse> uses) {

    public static final int MAX_USES = 50;

    public Consent {
        if (uses != null && uses.size() > MAX_USES) {
            throw new InvalidValueException("uses", "list.too-long", MAX_USES);
        }
        uses = obtained && uses != null ? List.copyOf(uses) : List.of();
    }

    public static Consent notObtained() {
        return new Consent(false, List.of());
    }
}
