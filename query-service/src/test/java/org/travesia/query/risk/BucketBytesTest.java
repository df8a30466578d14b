package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.junit.jupiter.api.Test;

/**
 * The risk view reads bucket documents from the reply's bytes ({@link BucketBytes}), not as documents: whatever the
 * store holds must still be read as the counters it means, and what the reader may not count must not be read at all.
 */
class BucketBytesTest {

    private static final String[] COUNTERS = {"n", "dead", "qw"};

    private static BucketBytes.Bucket decode(String json, BucketBytes.Countable countable) {
        BucketBytes decoder = new BucketBytes(List.of(
                new BucketBytes.Prefix("s", true, COUNTERS, countable),
                new BucketBytes.Prefix("c", false, new String[] {"n"}, countable)));
        return decoder.decode(RawBsonDocument.parse(json).asBsonReader(), DecoderContext.builder().build());
    }

    @Test
    void everyNumericTypeACounterMayHaveIsReadAsTheWholeNumberItHolds() {
        BucketBytes.Bucket bucket = decode("""
                {_id: "r|s|2026-11-02", s: {org: {NETWORK: {DEATH: {v: {
                    n: {$numberLong: "3"}, dead: 2, qw: 150.0}, u: {n: {$numberDecimal: "4"}}}}}}}
                """, (org, sharing) -> true);

        assertThat(bucket.id()).isEqualTo("r|s|2026-11-02");
        assertThat(bucket.leaves()).hasSize(2);
        BucketBytes.Leaf verified = bucket.leaves().get(0);
        assertThat(verified.prefix()).isEqualTo("s");
        assertThat(verified.orgKey()).isEqualTo("org");
        assertThat(verified.sharingKey()).isEqualTo("NETWORK");
        assertThat(verified.type()).isEqualTo("DEATH");
        assertThat(verified.verified()).isTrue();
        assertThat(verified.counters()).containsExactly(3, 2, 150);
        BucketBytes.Leaf unverified = bucket.leaves().get(1);
        assertThat(unverified.verified()).isFalse();
        assertThat(unverified.counters()).containsExactly(4, 0, 0);
    }

    /**
     * A decimal counter that is no whole number in range reads as the documents read it ({@code Number.longValue()}):
     * as a double does here, NaN as 0 and out of range at the bound, not thrown out of the whole read or wrapped
     * round to a count it never held.
     */
    @Test
    void aDecimalCounterOutOfRangeOrNotANumberReadsAsTheDocumentsReadIt() {
        BucketBytes.Bucket bucket = decode("""
                {_id: "b", s: {org: {NETWORK: {DEATH: {u: {
                    n: {$numberDecimal: "-0"}, dead: {$numberDecimal: "1E+30"}, qw: {$numberDecimal: "NaN"}}}}}}}
                """, (org, sharing) -> true);

        assertThat(bucket.leaves()).singleElement().extracting(BucketBytes.Leaf::counters)
                .isEqualTo(new long[] {0, Long.MAX_VALUE, 0});
    }

    @Test
    void onlyTheSubtreesTheReaderMayCountAreRead() {
        BucketBytes.Bucket bucket = decode("""
                {_id: "b", s: {
                    mine: {ORGANISATION: {ROBBERY: {u: {n: 1}}}, NETWORK: {ROBBERY: {u: {n: 2}}}},
                    theirs: {ORGANISATION: {ROBBERY: {u: {n: 4}}}, NETWORK: {ROBBERY: {u: {n: 8}}}}},
                 c: {mine: {ORGANISATION: {n: 16}}, theirs: {ORGANISATION: {n: 32}, NETWORK: {n: 64}}}}
                """, (org, sharing) -> org.equals("mine") || sharing.equals("NETWORK"));

        assertThat(bucket.leaves()).extracting(l -> l.prefix() + "." + l.orgKey() + "." + l.sharingKey() + "="
                + l.counters()[0]).containsExactly("s.mine.ORGANISATION=1", "s.mine.NETWORK=2", "s.theirs.NETWORK=8",
                "c.mine.ORGANISATION=16", "c.theirs.NETWORK=64");
    }

    @Test
    void theIdIsReadWhereverItStandsAndOtherFieldsAndUnknownCountersAreSkipped() {
        BucketBytes.Bucket bucket = decode("""
                {t: {org: {NETWORK: {n: 99, w: 99}}},
                 s: {org: {NETWORK: {KIDNAPPING: {u: {n: 1, aCounterOfALaterBuild: 7, dead: {nested: 1}}}},
                           PUBLIC: "not a document"},
                     other: 5},
                 a: {applied: ["x"]},
                 _id: "last"}
                """, (org, sharing) -> true);

        assertThat(bucket.id()).isEqualTo("last");
        assertThat(bucket.leaves()).hasSize(1);
        assertThat(bucket.leaves().get(0).type()).isEqualTo("KIDNAPPING");
        assertThat(bucket.leaves().get(0).counters()).containsExactly(1, 0, 0);
    }
}
