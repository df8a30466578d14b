package org.travesia.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Lets staff find a case by name without the server ever storing one: keyed hashes (HMAC-SHA256 under the
 * blind-index key) of each normalised name token, and of the year of birth. The same name always gives the same
 * tokens, so an exact-token search works; without the key, a token confirms no guess.
 * <p>
 * Normalising: accents and case folded ({@code Ñandú} is {@code nandu}), apostrophes and dots dropped ({@code O'Neil}
 * is {@code oneil}), and split on spaces, hyphens and any other punctuation ({@code Ibarra-Quispe} is two tokens).
 * Name tokens start {@value #NAME}, birth years {@value #BIRTH_YEAR}, so the two never meet.
 */
public final class BlindIndex {

    public static final String NAME = "n:";
    public static final String BIRTH_YEAR = "y:";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DROPPED = Pattern.compile("['’ʼ`.]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final SecretKey key;

    public BlindIndex(SecretKey key) {
        this.key = key;
    }

    /** The normalised tokens of a name, each once, in order. */
    public static List<String> tokens(String name) {
        if (name == null) {
            return List.of();
        }
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        Set<String> tokens = new LinkedHashSet<>(Arrays.asList(SEPARATORS.split(DROPPED.matcher(folded).replaceAll(""))));
        tokens.remove("");
        return List.copyOf(tokens);
    }

    /** The keyed tokens of every name given (a full name and its aliases), each once. */
    public List<String> ofNames(List<String> names) {
        Set<String> keyed = new LinkedHashSet<>();
        for (String name : names) {
            tokens(name).forEach(token -> keyed.add(NAME + hmac("name|" + token)));
        }
        return List.copyOf(keyed);
    }

    public String ofBirthYear(int year) {
        return BIRTH_YEAR + hmac("birth-year|" + year);
    }

    private String hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("travesia/blind-index/v1|" + input).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot compute HMAC-SHA256", e);
        }
    }
}
