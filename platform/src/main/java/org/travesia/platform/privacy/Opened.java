package org.travesia.platform.privacy;

/**
 * A marked value after opening: its text, or shredded (its key was deleted: erased or redacted), or absent (there was
 * none). A value written before personal data was sealed is its own text.
 */
public record Opened(String text, boolean shredded) {

    static final Opened ABSENT = new Opened(null, false);
    static final Opened SHREDDED = new Opened(null, true);

    static Opened of(String text) {
        return new Opened(text, false);
    }
}
