package org.travesia.ops.architecture.offenders.aggregate;

import org.axonframework.spring.stereotype.Aggregate;

/** Offender: an aggregate that knows a request's shape, through a helper (as amendments once did). */
@Aggregate
public class PatchingAggregate {

    String amended(String current) {
        return PatchMerger.merge(current);
    }
}
