package org.travesia.platform.privacy.keys;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.crypto.SecretKey;

/**
 * The keys that belong to no data subject: the blind-index key and the identifier key. They are stored wrapped like
 * the data keys and never shredded, so keeping them unwrapped in memory outlives no erasure.
 */
public final class SystemKeys {

    public static final String SUBJECT_PREFIX = "system:";
    public static final String BLIND_INDEX = "blind-index";
    public static final String IDENTIFIERS = "identifiers";

    private final KeyVault vault;
    private final ConcurrentMap<String, SecretKey> unwrapped = new ConcurrentHashMap<>();

    public SystemKeys(KeyVault vault) {
        this.vault = vault;
    }

    public SecretKey get(String name) {
        return unwrapped.computeIfAbsent(name, n -> vault.current(SUBJECT_PREFIX + n).key());
    }
}
