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
        increments.forEach((path, delta) -> updates.add(Updates.inc(path, delta)));
        values.forEach((path, value) -> updates.add(Updates.set(path, value)));
        removed.forEach(path -> updates.add(Updates.unset(path)));
        return Updates.combine(updates);
    }
}
