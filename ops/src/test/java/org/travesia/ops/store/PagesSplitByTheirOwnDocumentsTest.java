package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.bson.Document;

/**
 * MVStore splits a page once the memory its values report passes 16 KB, and writes a changed page whole: every
 * document sharing a leaf with one that changed is encoded and written again. So each collection's documents must
 * report what they weigh themselves. While one estimate served every collection, where small documents (commits, view
 * rows, tokens) were most of what was written, they set it, and the risk buckets, several kilobytes each, were packed
 * many to a leaf: an update of one bucket wrote all of them.
 */
class PagesSplitByTheirOwnDocumentsTest {

    private static final int LARGE_DOCUMENTS = 300;
    private static final int SMALL_PER_LARGE = 30;
    /** MVStore's largest page before a split, with the store's default cache ({@code FileStore}). */
    private static final int MAX_PAGE_BYTES = 16 * 1024;

    @TempDir
    Path data;

    @Test
    void aLeafOfLargeDocumentsHoldsAboutAPageOfThemBesideCollectionsOfSmallOnes() {
        MVStore store = DurableH2Backend.openWithoutAutoCommit(data.resolve("pages.mv"));
        try {
            MVMap<Object, Document> large = StoreMaps.openDocuments(store, StoreMaps.documentsMapName("t.buckets"));
            MVMap<Object, Document> small = StoreMaps.openDocuments(store, StoreMaps.documentsMapName("t.rows"));
            for (int i = 0; i < LARGE_DOCUMENTS; i++) {
                // Spread over the key space, as buckets of random days are.
                large.put(String.format("%08d", (i * 7_919) % LARGE_DOCUMENTS), bucket(i));
                for (int j = 0; j < SMALL_PER_LARGE; j++) {
                    int id = i * SMALL_PER_LARGE + j;
                    small.put(id, new Document("_id", id).append("p", "x".repeat(60)));
                }
                store.commit(); // each round's pages written, as the group commit writes them
            }
            List<Integer> leafBytes = new ArrayList<>();
            collectLeafBytes(large.getRootPage(), leafBytes);
            int largest = leafBytes.stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat(largest).as("bytes in the largest of %d leaves, over %d documents of about %d bytes",
                    leafBytes.size(), LARGE_DOCUMENTS, encodedSize(bucket(0))).isLessThanOrEqualTo(2 * MAX_PAGE_BYTES);
        } finally {
            store.close();
        }
    }

    /** About 7 KB of BSON: a risk bucket's shape, counters nested under short keys. */
    private static Document bucket(int seed) {
        Document leaves = new Document();
        for (int leaf = 0; leaf < 100; leaf++) {
            Document counters = new Document();
            for (String name : List.of("n", "d", "m", "j", "du", "mu", "ju", "qw")) {
                counters.append(name, seed + leaf);
            }
            leaves.append("k" + leaf, counters);
        }
        return new Document("_id", seed).append("s", leaves);
    }

    private static void collectLeafBytes(Page<Object, Document> page, List<Integer> leafBytes) {
        if (page.isLeaf()) {
            int bytes = 0;
            for (int i = 0; i < page.getKeyCount(); i++) {
                bytes += encodedSize(page.getValue(i));
            }
            leafBytes.add(bytes);
            return;
        }
        for (int i = 0; i < page.getRawChildPageCount(); i++) {
            collectLeafBytes(page.getChildPage(i), leafBytes);
        }
    }

    private static int encodedSize(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        new BsonDocumentType().write(buffer, document);
        return buffer.position();
    }
}
