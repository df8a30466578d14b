package org.travesia.ops.architecture.offenders.aggregate;

/** Turns state back into a request and merges it: the indirection the model rule must see through. */
final class PatchMerger {

    private PatchMerger() {
    }

    static String merge(String current) {
        return new PatchRequest(current).value();
    }
}
