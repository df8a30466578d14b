package org.travesia.command.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.ReportIncident;

/** A protection incident, from its first report through amendments and curation. */
@Aggregate
public class Incident {

    @AggregateIdentifier
    private String incidentId;
    private long version = -1;
    private String requestFingerprint;

    protected Incident() {
        // For Axon: rebuilt from its events.
    }

    /**
     * Reports an incident, or, when the same report arrives again (a monitor's retry), answers as the first time
     * did without recording anything. A different report under the same report id is refused.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ReportOutcome handle(ReportIncident command, Clock clock) {
        if (incidentId != null) {
            if (!requestFingerprint.equals(command.requestFingerprint())) {
                throw new ConflictException("incident.idempotency-key.reused");
            }
            return new ReportOutcome(incidentId, 0, true);
        }
        if (command.details().occurredAt().isAfter(clock.instant())) {
            throw new InvalidValueException("occurredAt", "incident.occurred-at.in-future");
        }
        if (command.details().reportedAt() != null && command.details().reportedAt().toInstant()
                .isAfter(clock.instant().plusSeconds(300))) {
            // Five minutes of slack for a field device's clock.
            throw new InvalidValueException("reportedAt", "incident.reported-at.in-future");
        }
        apply(new IncidentReported(command.incidentId(), command.organisation(), command.clientReportId(),
                command.requestFingerprint(), command.details(), command.sharing()));
        return new ReportOutcome(command.incidentId(), 0, false);
    }

    @EventSourcingHandler
    void on(IncidentReported event) {
        incidentId = event.incidentId();
        requestFingerprint = event.requestFingerprint();
        version++;
    }

    /** What a report command answers: the incident, its version, and whether this was a retry of an earlier one. */
    public record ReportOutcome(String incidentId, long version, boolean replayed) {
    }
}
