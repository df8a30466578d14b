package org.travesia.query.incident.api;

/**
 * Where a snapshot is pinned: the global position up to which the incident projection had applied every event, and
 * the read model's generation then (how many times a replay had emptied it), taken before the position, so that a
 * replay started since is noticed however soon or late the snapshot is read.
 */
public record SnapshotPin(long position, long generation) {
}
