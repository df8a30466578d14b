package org.travesia.platform.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/**
 * A body that is JSON, but not JSON we take as sent: a key given twice, or text that is not well-formed Unicode.
 *
 * @see WellFormedTextParser
 */
public class StrictJsonException extends JsonParseException {

    public static final String DUPLICATE_FIELD = "json.duplicate-field";
    public static final String UNPAIRED_SURROGATE = "json.unpaired-surrogate";

    private final String code;
    private final String path;

    StrictJsonException(JsonParser parser, String code, String path) {
        super(parser, code + " at '" + path + "'");
        this.code = code;
        this.path = path;
    }

    /** The stable code of the violation. */
    public String code() {
        return code;
    }

    /** Where, as a field path ({@code place.country}, {@code nationalities[1]}); empty for the top level. */
    public String path() {
        return path;
    }
}
