package org.travesia.platform.privacy;

/**
 * The last check before anything is stored: every personal field of a record (events, and whatever holds them: dead
 * letters, snapshots) is sealed or empty. Plain text there is a bug upstream, and it is refused, loudly and without
 * quoting it, rather than written to disk.
 */
public final class PersonalDataGuard {

    private PersonalDataGuard() {
    }

    public static void requireSealed(Object payload) {
        if (!(payload instanceof Record)) {
            return;
        }
        MarkedFields.visit(payload, "", (path, value) -> {
            if (value != null && !SealedText.isSealed(value)) {
                throw new PlaintextPersonalDataException(payload.getClass().getSimpleName() + "." + path);
            }
            return value;
        });
    }

    /** Names the field, never its value. */
    public static final class PlaintextPersonalDataException extends IllegalStateException {

        PlaintextPersonalDataException(String field) {
            super("Refusing to store " + field + ": a personal field must be sealed before it is stored");
        }
    }
}
