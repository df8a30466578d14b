package org.travesia.platform.json;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * Reads JSON exactly, or not at all.
 * <ul>
 * <li>A key given twice ({@code "type":"KIDNAPPING","type":"ROBBERY"}) would otherwise keep the last value silently.
 * Jackson finds it ({@link JsonParser.Feature#STRICT_DUPLICATE_DETECTION}); this says where.</li>
 * <li>A lone UTF-16 surrogate ({@code "\ud800"}, or a pair in the wrong order) is valid JSON escaping but not text:
 * stored, it would come back as U+FFFD or {@code ?}, not what the monitor wrote. Jackson accepts it; this refuses it,
 * in keys and values, wherever the parser goes, skipped values included.</li>
 * </ul>
 * Every token passes {@link #nextToken()}: Jackson's own shortcuts ({@code nextFieldName()},
 * {@code nextTextValue()}...) go through it, and {@link #nextValue()} and {@link #skipChildren()} are redone on top
 * of it, so that no path around the check remains.
 */
final class WellFormedTextParser extends JsonParserDelegate {

    /** How Jackson 2 words it ({@code JsonReadContext}); {@code StrictJsonTest} notices if that ever changes. */
    private static final String JACKSONS_DUPLICATE_MESSAGE = "Duplicate field '";

    WellFormedTextParser(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        try {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.FIELD_NAME && !wellFormed(delegate.currentName())) {
                // The key itself is never echoed: it cannot be written back as valid UTF-8.
                throw new StrictJsonException(this, StrictJsonException.UNPAIRED_SURROGATE,
                        path(delegate.getParsingContext().getParent()));
            }
            // Jackson decodes a string's text only when asked: asking here makes it decode, and fail, now.
            if (token == JsonToken.VALUE_STRING && !wellFormed(delegate.getText())) {
                throw new StrictJsonException(this, StrictJsonException.UNPAIRED_SURROGATE,
                        path(delegate.getParsingContext()));
            }
            return token;
        } catch (StrictJsonException e) {
            throw e;
        } catch (JsonParseException e) {
            throw classified(e);
        }
    }

    /**
     * Jackson finds some of these itself (duplicates, and surrogates in keys or in raw UTF-8) and says so only in its
     * message: the same stable codes for those, so that a client cannot tell which layer noticed.
     */
    private JsonParseException classified(JsonParseException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        JsonStreamContext context = delegate.getParsingContext();
        if (message.startsWith(JACKSONS_DUPLICATE_MESSAGE)) {
            return new StrictJsonException(this, StrictJsonException.DUPLICATE_FIELD, path(context));
        }
        if (message.toLowerCase(Locale.ROOT).contains("surrogate")) {
            String path = message.contains("field name") ? path(context.getParent()) : path(context);
            return new StrictJsonException(this, StrictJsonException.UNPAIRED_SURROGATE, path);
        }
        return e;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken token = currentToken();
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return this;
        }
        int open = 1;
        while (open > 0) {
            JsonToken next = nextToken();
            if (next == null) {
                return this;
            }
            if (next.isStructStart()) {
                open++;
            } else if (next.isStructEnd()) {
                open--;
            }
        }
        return this;
    }

    /** True unless {@code text} holds a high surrogate not followed by a low one, or a low one not preceded by one. */
    static boolean wellFormed(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The field path of a parsing context, as the API reports fields: {@code place.country}, {@code items[2]}. */
    static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        append(path, context);
        return path.toString();
    }

    private static void append(StringBuilder path, JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return;
        }
        append(path, context.getParent());
        if (context.inObject() && context.getCurrentName() != null) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(context.getCurrentName());
        } else if (context.inArray()) {
            path.append('[').append(Math.max(0, context.getCurrentIndex())).append(']');
        }
    }
}
