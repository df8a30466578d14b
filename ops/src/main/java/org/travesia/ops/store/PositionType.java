package org.travesia.ops.store;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.Missing;

/**
 * A unique index's values: the positions of its documents, written as the H2 backend writes them (MVStore's generic
 * type), and read back with the position of a document whose {@code _id} is null as the one {@link Missing} there is.
 * The generic type restores it through Java serialization as a new object, which {@code Missing} (no {@code equals})
 * does not take for equal: a delete then found the unique index and a secondary one giving "different positions" and
 * stopped half-way, leaving the document without its index entries.
 */
final class PositionType extends BasicDataType<Object> {

    static final PositionType INSTANCE = new PositionType();

    private final ObjectDataType generic = new ObjectDataType();

    private PositionType() {
    }

    @Override
    public int getMemory(Object position) {
        return generic.getMemory(position);
    }

    @Override
    public void write(WriteBuffer buffer, Object position) {
        generic.write(buffer, position);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        Object position = generic.read(buffer);
        return position instanceof Missing ? Missing.getInstance() : position;
    }

    @Override
    public int compare(Object a, Object b) {
        return generic.compare(a, b);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
