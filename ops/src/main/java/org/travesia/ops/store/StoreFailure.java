package org.travesia.ops.store;

import de.bwaldvogel.mongo.exception.MongoServerException;

/** The store cannot promise a write is safe. The client gets an error, never an acknowledgement. */
final class StoreFailure extends MongoServerException {

    StoreFailure(String message) {
        super(message);
    }

    StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
