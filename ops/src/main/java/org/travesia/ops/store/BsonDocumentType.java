package org.travesia.ops.store;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Stores a collection's documents as BSON, the form they arrive and leave in, instead of through MVStore's generic
 * object type, which runs each one through Java serialization (a new {@code ObjectOutputStream} per document, every
 * time a page is written: most of the store's CPU under load).
 * <p>
 * Each value starts with a tag. Ours is one the generic type never writes, so documents it wrote (a file from the
 * stock H2 backend) are still read by it, and a document BSON cannot carry (no client can send one, but a
 * server-side update might make one) is written by it rather than failing the commit.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** MVStore's {@link ObjectDataType} writes tags up to 119. */
    private static final byte BSON = 125;

    private final ObjectDataType generic = new ObjectDataType();

    /** What a document weighs in the page cache; kept as a moving average of what was written and read. */
    private volatile int averageSize = 1024;

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException notBson) {
            generic.write(buffer, document);
            return;
        }
        int length = bson.readableBytes();
        buffer.put(BSON).putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        sized(length);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) generic.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        byte[] bson = new byte[length];
        buffer.get(bson);
        sized(length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    private void sized(int length) {
        // Twice the encoded size: decoded documents are maps of boxed values. Races only blur an estimate.
        averageSize = (int) ((2L * length + 15L * averageSize) / 16);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
