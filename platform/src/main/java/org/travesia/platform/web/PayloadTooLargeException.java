package org.travesia.platform.web;

/** A request body over the configured limit; answered as 413. */
public class PayloadTooLargeException extends RuntimeException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
