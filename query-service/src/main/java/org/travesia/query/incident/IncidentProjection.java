package org.travesia.query.incident;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.incident.IncidentReported;

/** Projects incident events into the {@code incidents} read model. Idempotent, and replayable from the start. */
@Component
@ProcessingGroup(IncidentProjection.PROCESSING_GROUP)
class IncidentProjection {

    static final String PROCESSING_GROUP = "incidents";

    private final IncidentReadModel readModel;
    private final ProjectionProgress progress;

    IncidentProjection(IncidentReadModel readModel, ProjectionProgress progress) {
        this.readModel = readModel;
        this.progress = progress;
    }

    @EventHandler
    void on(IncidentReported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue(MetadataKeys.USER) String user) {
        readModel.apply(event.incidentId(), sequence, incident -> incident
                .append("organisation", event.organisation())
                .append("reportedBy", user)
                .append("clientReportId", event.clientReportId())
                .append("sharing", event.sharing().name())
                .append("status", IncidentStatus.REPORTED.name())
                .append("duplicateOf", null)
                .append("details", new Document(readModel.toMap(event.details())))
                .append("effectiveQuality", event.details().source() == null ? null
                        : event.details().source().quality().value())
                .append("occurredFrom", IncidentReadModel.date(event.details().occurredAt().earliestInstant()))
                .append("recordedAt", IncidentReadModel.date(recordedAt))
                .append("updatedAt", IncidentReadModel.date(recordedAt)));
        progress.advanced();
    }

    @ResetHandler
    void reset() {
        readModel.deleteAll();
    }
}
