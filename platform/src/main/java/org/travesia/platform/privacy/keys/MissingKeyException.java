package org.travesia.platform.privacy.keys;

/**
 * A key is gone although the erasure register never shredded it: the key database lost it (restored from a backup
 * older than the key, or the wrong database). Never read as an erasure: that would hide lost data as if it had been
 * erased on purpose.
 */
public final class MissingKeyException extends RuntimeException {

    public MissingKeyException(String subject, int generation) {
        super("The key " + subject + "#" + generation + " is missing from the key database, and the erasure register "
                + "does not say it was shredded");
    }
}
