package org.travesia.command.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.travesia.eventstore.MongoEventStorageEngine;
import org.travesia.kernel.incident.ImportMmpIncident;
import org.travesia.kernel.incident.ImportMmpIncidents;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.SubjectSealer;

/**
 * Syncs a batch of MMP incidents in one unit of work: each incident decides exactly as it does for one
 * {@link ImportMmpIncident} (an existing one runs that command's own handler; a new one is created as that handler
 * creates it), and the events of all of them are recorded in one commit when the unit of work ends, or none if any
 * incident fails. One query says which incidents exist: only those are loaded (the others would each cost two reads
 * to find nothing), and the keys of the others are made in one write and handed to their sealers, with no read or
 * write per incident. An incident created meanwhile by someone else makes the commit fail, and the importer sends
 * the batch again one by one. Aggregates are locked in the order of their ids, so two batches never wait on each
 * other in a circle.
 */
@Component
class MmpIncidentBatches {

    private final Repository<Incident> incidents;
    private final MongoEventStorageEngine events;
    private final PersonalDataCipher cipher;

    MmpIncidentBatches(Repository<Incident> incidentRepository, MongoEventStorageEngine events,
                       PersonalDataCipher cipher) {
        this.incidents = incidentRepository;
        this.events = events;
        this.cipher = cipher;
    }

    @CommandHandler
    public List<ImportMmpIncident.Outcome> handle(ImportMmpIncidents batch) throws Exception {
        List<ImportMmpIncident> inLockOrder = new ArrayList<>(batch.incidents());
        inLockOrder.sort(Comparator.comparing(ImportMmpIncident::incidentId));
        Set<String> existing = events.aggregatesWithEvents(inLockOrder.stream().map(ImportMmpIncident::incidentId)
                .toList());
        Map<DataSubject, SubjectSealer> sealers = cipher.sealersFor(inLockOrder.stream()
                .filter(incident -> !existing.contains(incident.incidentId()))
                .map(incident -> DataSubject.incident(incident.incidentId())).toList());
        Map<String, ImportMmpIncident.Outcome> outcomes = new HashMap<>();
        for (ImportMmpIncident incident : inLockOrder) {
            if (existing.contains(incident.incidentId())) {
                outcomes.put(incident.incidentId(), (ImportMmpIncident.Outcome) incidents.load(incident.incidentId())
                        .handle(GenericCommandMessage.asCommandMessage(incident)));
            } else {
                SubjectSealer sealer = sealers.get(DataSubject.incident(incident.incidentId()));
                incidents.newInstance(() -> new Incident(incident, sealer));
                outcomes.put(incident.incidentId(), ImportMmpIncident.Outcome.CREATED);
            }
        }
        return batch.incidents().stream().map(incident -> outcomes.get(incident.incidentId())).toList();
    }
}
