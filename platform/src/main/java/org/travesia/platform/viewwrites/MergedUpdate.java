package org.travesia.platform.viewwrites;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Updates;

/**
 * An update of one document made of {@code $inc}, {@code $set} and {@code $unset} alone, which later updates of the
 * same document merge into: increments summed, the last value set or unset kept. Applied as one update, it leaves
 * what the updates it merged leave applied one after another.
 * <p>
 * An increment is sent as a 32-bit integer when its sum fits in one, else as a 64-bit one. A field it creates is then
 * four bytes smaller wherever it is encoded: on disk, when the store commits it, in every reply that holds it. So a
 * reader of a field written here must take either width. Adding to a 32-bit field a sum that no longer fits leaves a
 * 64-bit field in MongoDB and in the embedded store alike, never a wrapped one, and a 64-bit field stays 64-bit. The
 * merged update leaves the values the updates one by one leave, not always their widths: a field that passed 32 bits
 * on the way stays 64-bit applied one by one, and may be 32-bit merged.
 */
public final class MergedUpdate {

    private final Map<String, Long> increments = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();

    public MergedUpdate inc(String path, long delta) {
        increments.merge(path, delta, Long::sum);
        return this;
    }

    public MergedUpdate set(String path, Object value) {
        removed.remove(path);
        values.put(path, value);
        return this;
    }

    public MergedUpdate unset(String path) {
        values.remove(path);
        removed.add(path);
        return this;
    }

    public boolean isEmpty() {
        return increments.isEmpty() && values.isEmpty() && removed.isEmpty();
    }

    void mergeFrom(MergedUpdate later) {
        later.increments.forEach(this::inc);
        later.values.forEach(this::set);
        later.removed.forEach(this::unset);
    }

    Bson toBson() {
        List<Bson> updates = new ArrayList<>();
        // An increment summed to zero is kept: it creates the field, at 0, as the updates one by one would have.
        increments.forEach((path, delta) -> updates.add(Updates.inc(path, narrowest(delta))));
        values.forEach((path, value) -> updates.add(Updates.set(path, value)));
        removed.forEach(path -> updates.add(Updates.unset(path)));
        return Updates.combine(updates);
    }

    private static Number narrowest(long delta) {
        return delta == (int) delta ? (Number) (int) delta : (Number) delta;
    }
}
