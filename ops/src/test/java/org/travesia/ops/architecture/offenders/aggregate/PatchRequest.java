package org.travesia.ops.architecture.offenders.aggregate;

/** A request body, as a controller would receive it. */
record PatchRequest(String value) {
}
