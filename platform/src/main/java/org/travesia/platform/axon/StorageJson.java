package org.travesia.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping for what Travesía stores: events and read-model documents. Private to storage on purpose: a
 * stored form is a contract with every past and future reader, so it must not change when someone tunes the web
 * layer's JSON.
 */
public final class StorageJson {

    private StorageJson() {
    }

    public static JsonMapper mapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Readers of old events must survive fields they do not know yet.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Numbers in untyped places (metadata) come back as Long, as they went in.
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .build();
    }
}
