package org.travesia.platform.privacy.keys;

/** A key was asked for a subject whose personal data was erased for good: nothing more may be sealed for it. */
public final class ErasedForeverException extends RuntimeException {

    public ErasedForeverException(String subject) {
        super("The personal data of " + subject + " was erased: no key is made for it again");
    }
}
