package org.travesia.platform.privacy.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key at the top of the hierarchy: it wraps every data key and never enters the database. Its {@link #id()} is a
 * keyed fingerprint, so the store can record which master key wrapped each data key without revealing anything about
 * the key itself.
 * <p>
 * Another master key (a KMS or Vault key) only has to wrap and unwrap: see the README's key hierarchy.
 */
public final class MasterKey {

    private final SecretKey key;
    private final String id;

    public MasterKey(byte[] keyBytes) {
        this.key = AesGcm.key(keyBytes);
        this.id = fingerprint(keyBytes);
    }

    public String id() {
        return id;
    }

    /** The data key's bytes, encrypted under this key and bound to {@code context} (the data key's identity). */
    public byte[] wrap(SecretKey dataKey, String context) {
        return AesGcm.encrypt(key, dataKey.getEncoded(), context(context));
    }

    public SecretKey unwrap(byte[] wrapped, String context) {
        return AesGcm.key(AesGcm.decrypt(key, wrapped, context(context)));
    }

    private String context(String dataKey) {
        return "travesia/data-key/v1|" + dataKey;
    }

    private static String fingerprint(byte[] keyBytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
            byte[] digest = mac.doFinal("travesia/master-key-id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot compute HMAC-SHA256", e);
        }
    }
}
