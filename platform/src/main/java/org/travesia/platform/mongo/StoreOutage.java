package org.travesia.platform.mongo;

import java.time.Duration;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Tells a failure caused by the store being out of reach (down, unreachable, no primary) from any other: the first
 * is answered 503 with Retry-After, since the same request will work once the store is back; the second is a 500.
 */
public final class StoreOutage {

    /** What clients are told to wait before they try again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private StoreOutage() {
    }

    /** True when {@code failure}, or anything that caused it (Axon wraps what the driver throws), is an outage. */
    public static boolean causes(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (current instanceof MongoTimeoutException || current instanceof MongoSocketException
                    || current instanceof MongoServerUnavailableException || current instanceof MongoNotPrimaryException
                    || current instanceof MongoNodeIsRecoveringException) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }
}
