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
 * <p>
 * One instance per collection ({@link StoreMaps#openDocuments}): what a document weighs, which decides how many share
 * a page, is estimated from that collection's documents alone. MVStore writes a changed page whole, so a leaf of many
 * large documents costs every update all of them. With one estimate for every collection, whatever was written and
 * read last set it: where small documents led, the risk buckets (several kilobytes each) were packed a dozen or more to
 * a leaf ({@code PagesSplitByTheirOwnDocumentsTest}); in a catch-up, where the buckets lead, no gain was measured
 * (docs/benchmarks.md, session 19).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** MVStore's {@link ObjectDataType} writes tags up to 119. */
    private static final byte BSON = 125;

    private final ObjectDataType generic = new ObjectDataType();

    /**
     * What a document of this collection weighs in memory, for MVStore's page splits and page cache; kept as a moving
     * average of what was written and read.
     */
    private volatile int averageSize = 1024;

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
