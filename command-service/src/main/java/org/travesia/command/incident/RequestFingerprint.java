package org.travesia.command.incident;

import org.travesia.platform.privacy.KeyedDigests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A digest of what a request means (its parsed values, in a fixed order), so a retry matches the original even if
 * the client re-encoded the JSON with other whitespace or field order. Keyed with the server's identifier key: the
 * fingerprint is stored in the clear, and a plain hash would let anyone holding the store confirm a guessed
 * description or name by hashing it.
 */
final class RequestFingerprint {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private RequestFingerprint() {
    }

    static String of(KeyedDigests digests, String purpose, Object... values) {
        String[] canonical = new String[values.length];
        try {
            for (int i = 0; i < values.length; i++) {
                canonical[i] = CANONICAL.writeValueAsString(values[i]);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint a request", e);
        }
        return digests.fingerprint(purpose, canonical);
    }
}
