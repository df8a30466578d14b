package org.travesia.eventstore;

/**
 * Called between allocating a commit's positions and inserting it. Production uses {@link #NONE}; tests use it to
 * stretch that window, so that gaps open and fill late exactly as they do under load.
 */
@FunctionalInterface
public interface AllocationListener {

    AllocationListener NONE = (first, count) -> { };

    void allocated(long firstPosition, int count);
}
