package org.travesia.platform.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Digests under the identifier key, a server secret: ids derived from what a client sends (so a retry reaches the
 * same record) that nobody without the key can recompute (so a guessable report id links no public row to its
 * organisation), and request fingerprints that confirm no guessed content. Each use names its purpose, so the same
 * inputs for two purposes give unrelated digests.
 */
public final class KeyedDigests {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final SecretKey key;

    public KeyedDigests(SecretKey key) {
        this.key = key;
    }

    /** A UUID (version 8, RFC 9562's custom layout) from the keyed digest of the parts. */
    public String uuid(String purpose, String... parts) {
        byte[] digest = digest(purpose, parts);
        digest[6] = (byte) ((digest[6] & 0x0f) | 0x80);
        digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(digest, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }

    /** The keyed digest of the parts, in hex. */
    public String fingerprint(String purpose, String... parts) {
        return HexFormat.of().formatHex(digest(purpose, parts));
    }

    /**
     * The keyed digest of what a request means: its parsed values as canonical JSON (properties and map entries
     * sorted), so a retry matches the original even if the client re-encoded its JSON with other whitespace or field
     * order. Stored in the clear to recognise a retry; keyed, so it confirms no guessed name or description.
     */
    public String fingerprintOf(String purpose, Object... values) {
        String[] canonical = new String[values.length];
        try {
            for (int i = 0; i < values.length; i++) {
                canonical[i] = CANONICAL.writeValueAsString(values[i]);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint a request", e);
        }
        return fingerprint(purpose, canonical);
    }

    private byte[] digest(String purpose, String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("travesia/" + purpose + "/v1").getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                // Each part is length-prefixed, so ("ab", "c") and ("a", "bc") never meet.
                byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(4).putInt(part == null ? -1 : bytes.length).array());
                mac.update(bytes);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot compute HMAC-SHA256", e);
        }
    }
}
