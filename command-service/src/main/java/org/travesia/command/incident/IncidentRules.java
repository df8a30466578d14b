package org.travesia.command.incident;

import java.time.Clock;

import org.travesia.kernel.common.Violations;
import org.travesia.kernel.incident.IncidentDetails;

/** The rules on incident details that depend on the server's clock, shared by reports and amendments. */
final class IncidentRules {

    static final int MAX_REASON_LENGTH = 2_000;
    /** A field device's clock may run a little fast. */
    private static final long CLOCK_SLACK_SECONDS = 300;

    private IncidentRules() {
    }

    static void requireNotInFuture(IncidentDetails details, Clock clock, String prefix) {
        Violations v = new Violations();
        v.check(!details.occurredAt().isAfter(clock.instant()), prefix + "occurredAt", "incident.occurred-at.in-future");
        v.check(details.reportedAt() == null
                        || !details.reportedAt().toInstant().isAfter(clock.instant().plusSeconds(CLOCK_SLACK_SECONDS)),
                prefix + "reportedAt", "incident.reported-at.in-future");
        v.throwIfAny();
    }
}
