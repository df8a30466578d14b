package org.travesia.platform.viewwrites;

import java.util.List;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

/** One held write, and what a duplicate key on it means. */
record PendingWrite(WriteModel<Document> write, OnDuplicateKey onDuplicateKey) {

    enum OnDuplicateKey {
        /** The write fails, and with it the batch. */
        FAILS,
        /** The document is there already: nothing left to do. */
        DONE,
        /** The upsert found its document refused or raced: the same update again, without the upsert. */
        RETRY_WITHOUT_UPSERT
    }

    /**
     * Sends {@code writes} in order, as few ordered bulk writes as the duplicate keys they meet allow: an ordered bulk
     * write stops at its first error, having done every write before it, so it is resumed after the write that met
     * a duplicate key its kind allows for.
     */
    static void send(MongoCollection<Document> collection, List<PendingWrite> writes) {
        int from = 0;
        while (from < writes.size()) {
            List<PendingWrite> rest = writes.subList(from, writes.size());
            try {
                collection.bulkWrite(rest.stream().map(PendingWrite::write).toList(),
                        new BulkWriteOptions().ordered(true));
                return;
            } catch (MongoBulkWriteException e) {
                BulkWriteError error = e.getWriteErrors().get(0);
                PendingWrite failed = rest.get(error.getIndex());
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY
                        || failed.onDuplicateKey == OnDuplicateKey.FAILS) {
                    throw e;
                }
                if (failed.onDuplicateKey == OnDuplicateKey.RETRY_WITHOUT_UPSERT) {
                    UpdateOneModel<Document> upsert = (UpdateOneModel<Document>) failed.write;
                    collection.updateOne(upsert.getFilter(), upsert.getUpdate());
                }
                from += error.getIndex() + 1;
            }
        }
    }
}
