package org.travesia.ops.architecture.offenders.aggregate;

import org.axonframework.spring.stereotype.Aggregate;

import jakarta.servlet.http.HttpServletRequest;

/** Offender: an aggregate that reads the HTTP request it was called from. */
@Aggregate
public class ServletRequestAggregate {

    String clientOf(HttpServletRequest request) {
        return request.getHeader("User-Agent");
    }
}
