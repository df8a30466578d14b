package org.travesia.kernel.common;

/**
 * The metadata every stored event carries. The event's own timestamp is its recordedAt (the server clock at append);
 * {@code globalPosition} is added by the event store when the event is appended.
 */
public final class MetadataKeys {

    public static final String USER = "user";
    public static final String ORGANISATION = "organisation";
    public static final String CLIENT = "client";
    public static final String CORRELATION_ID = "correlationId";
    public static final String GLOBAL_POSITION = "globalPosition";

    private MetadataKeys() {
    }
}
