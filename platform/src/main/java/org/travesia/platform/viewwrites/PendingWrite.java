package org.travesia.platform.viewwrites;

import java.util.List;
import java.util.function.Supplier;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

/**
 * One held write, and what a duplicate key on it means. Built when sent, so that an update merged into after it was
 * held ({@link MergedUpdate}) goes as it stands then.
 */
record PendingWrite(Supplier<WriteModel<Document>> write, OnDuplicateKey onDuplicateKey) {

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
        List<WriteModel<Document>> models = writes.stream().map(write -> write.write().get()).toList();
        int from = 0;
        while (from < models.size()) {
            try {
                collection.bulkWrite(models.subList(from, models.size()), new BulkWriteOptions().ordered(true));
                return;
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().isEmpty()) {
                    throw e;
                }
                BulkWriteError error = e.getWriteErrors().get(0);
                int failed = from + error.getIndex();
                OnDuplicateKey onDuplicateKey = writes.get(failed).onDuplicateKey();
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY
                        || onDuplicateKey == OnDuplicateKey.FAILS) {
                    throw e;
                }
                if (onDuplicateKey == OnDuplicateKey.RETRY_WITHOUT_UPSERT) {
                    UpdateOneModel<Document> upsert = (UpdateOneModel<Document>) models.get(failed);
                    collection.updateOne(upsert.getFilter(), upsert.getUpdate());
                }
                from = failed + 1;
            }
        }
    }
}
