package org.travesia.query.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

/**
 * Decodes bucket documents straight from the store's reply into the leaves a reader may count, as the risk view sums
 * them: the id, and under each prefix asked for, the counters of every organisation and sharing key the reader may
 * count (per incident type and verification under {@code s}). Nothing else of the document is built. Decoding a year
 * by week at 100,000 incidents into documents took about 18 MB of maps, strings and boxed numbers per read in
 * query-service, and the garbage collections that came with them (docs/benchmarks.md).
 * <p>
 * A value of another type where a document is expected is skipped, as is a counter this build does not know.
 */
final class BucketBytes implements Codec<BucketBytes.Bucket> {

    /** Whether the reader may count what an organisation recorded under a sharing key. */
    @FunctionalInterface
    interface Countable {
        boolean test(String orgKey, String sharingKey);
    }

    /**
     * What to read under one top-level field: {@code typed} when its sharing keys hold incident types, each holding
     * {@code v} and {@code u} (verified or not) before the counters; {@code counters} names the counters kept, in the
     * order {@link Leaf#counters} holds them.
     */
    record Prefix(String name, boolean typed, String[] counters, Countable countable) {
    }

    /** One bucket as read: its id, and its countable leaves. */
    record Bucket(String id, List<Leaf> leaves) {
    }

    /**
     * The counters of one organisation and sharing key under a prefix, in {@link Prefix#counters}'s order (0 where
     * absent); {@code type} and {@code verified} are those of a typed prefix's leaf, else null and false.
     */
    record Leaf(String prefix, String orgKey, String sharingKey, String type, boolean verified, long[] counters) {
    }

    private final Map<String, Prefix> prefixes = new HashMap<>();

    BucketBytes(List<Prefix> prefixes) {
        prefixes.forEach(p -> this.prefixes.put(p.name(), p));
    }

    @Override
    public Bucket decode(BsonReader reader, DecoderContext context) {
        String id = null;
        List<Leaf> leaves = new ArrayList<>();
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = reader.readName();
            Prefix prefix = prefixes.get(name);
            if (name.equals("_id") && reader.getCurrentBsonType() == BsonType.STRING) {
                id = reader.readString();
            } else if (prefix != null && reader.getCurrentBsonType() == BsonType.DOCUMENT) {
                read(reader, prefix, leaves);
            } else {
                reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new Bucket(id, leaves);
    }

    /** Buckets are only read this way; they are written by {@link RiskBuckets}' updates. */
    @Override
    public void encode(BsonWriter writer, Bucket value, EncoderContext context) {
        throw new UnsupportedOperationException("risk buckets are read, not written, as leaves");
    }

    @Override
    public Class<Bucket> getEncoderClass() {
        return Bucket.class;
    }

    private static void read(BsonReader reader, Prefix prefix, List<Leaf> leaves) {
        eachDocument(reader, orgKey -> eachDocumentOrSkip(reader, sharingKey -> {
            if (!prefix.countable().test(orgKey, sharingKey)) {
                return false;
            }
            if (prefix.typed()) {
                eachDocument(reader, type -> eachDocument(reader, verification -> leaves.add(new Leaf(prefix.name(),
                        orgKey, sharingKey, type, "v".equals(verification), counters(reader, prefix.counters())))));
            } else {
                leaves.add(new Leaf(prefix.name(), orgKey, sharingKey, null, false,
                        counters(reader, prefix.counters())));
            }
            return true;
        }));
    }

    /**
     * Reads the document the reader is at, handing {@code value} the name of each field whose value is a document
     * (it must read that document); fields of other types are skipped.
     */
    private static void eachDocument(BsonReader reader, Consumer<String> value) {
        eachDocumentOrSkip(reader, name -> {
            value.accept(name);
            return true;
        });
    }

    /** As {@link #eachDocument}, where {@code value} answers false, having read nothing, for a field to skip. */
    private static void eachDocumentOrSkip(BsonReader reader, NameReader value) {
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = reader.readName();
            if (reader.getCurrentBsonType() != BsonType.DOCUMENT || !value.read(name)) {
                reader.skipValue();
            }
        }
        reader.readEndDocument();
    }

    @FunctionalInterface
    private interface NameReader {
        boolean read(String name);
    }

    /** Reads the document of counters the reader is at: each at the index of its name in {@code names}. */
    private static long[] counters(BsonReader reader, String[] names) {
        long[] counters = new long[names.length];
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            int at = indexOf(names, reader.readName());
            if (at < 0) {
                reader.skipValue();
            } else {
                counters[at] = number(reader);
            }
        }
        reader.readEndDocument();
        return counters;
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A counter as a whole number, whatever numeric type it was stored as ({@code $inc} keeps the type it met), as
     * {@code Number.longValue()} gives it, as the documents were read before: a decimal through its double, so that
     * NaN and -0 read as 0 rather than throwing out of the whole read, and one out of range at the bound rather than
     * wrapped round ({@code BigDecimal.longValue()} keeps the low 64 bits).
     */
    private static long number(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case INT64 -> reader.readInt64();
            case INT32 -> reader.readInt32();
            case DOUBLE -> (long) reader.readDouble();
            case DECIMAL128 -> reader.readDecimal128().longValue();
            default -> {
                reader.skipValue();
                yield 0;
            }
        };
    }
}
