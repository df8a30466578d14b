package org.travesia.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bson.conversions.Bson;
import org.travesia.kernel.common.InvalidValueException;

import com.mongodb.client.model.Filters;

/**
 * Keyset pagination over a (date, id) sort, newest first: the cursor names the last item of a page, and the next page
 * starts strictly after it. Unlike skip/offset, pages stay stable while new items arrive: an insert before the
 * cursor shifts nothing after it.
 */
public record PageCursor(long sortMillis, String id) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((sortMillis + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static PageCursor decode(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return new PageCursor(Long.parseLong(decoded.substring(0, colon)), decoded.substring(colon + 1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new InvalidValueException("cursor", "cursor.invalid");
        }
    }

    /** Items after this cursor in descending ({@code sortField}, {@code _id}) order. */
    public Bson after(String sortField) {
        Date sort = new Date(sortMillis);
        return Filters.or(Filters.lt(sortField, sort),
                Filters.and(Filters.eq(sortField, sort), Filters.lt("_id", id)));
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new InvalidValueException(List.of(org.travesia.kernel.common.Violation.of("limit", "parameter.invalid", "limit")));
        }
        return requested;
    }
}
