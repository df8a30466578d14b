package org.travesia.platform.privacy;

import java.util.Base64;

/**
 * A sealed value as it is stored: {@code enc:v1:<subject>#<generation>:<base64url of IV, ciphertext and tag>}. It
 * is a String, so a marked field keeps its type in events and read models, and it names its key, so whoever holds it
 * knows which key it needs, and that the key may be gone.
 */
public record SealedText(String subject, int generation, byte[] ciphertext) {

    static final String PREFIX = "enc:v1:";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public static SealedText parse(String value) {
        if (!isSealed(value)) {
            throw new IllegalArgumentException("Not a sealed value");
        }
        int data = value.lastIndexOf(':');
        int generation = value.lastIndexOf('#', data);
        if (data < PREFIX.length() || generation < PREFIX.length()) {
            throw new IllegalArgumentException("A sealed value without its key");
        }
        try {
            return new SealedText(value.substring(PREFIX.length(), generation),
                    Integer.parseInt(value.substring(generation + 1, data)), DECODER.decode(value.substring(data + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A malformed sealed value");
        }
    }

    public String keyId() {
        return subject + "#" + generation;
    }

    public String format() {
        return PREFIX + keyId() + ":" + ENCODER.encodeToString(ciphertext);
    }
}
