package org.travesia.query.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.travesia.kernel.common.Actor;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.SubjectOpener;
import org.travesia.platform.security.ReadScope;
import org.travesia.query.incident.api.IncidentReads;
import org.travesia.query.incident.api.IncidentSelection;
import org.travesia.query.incident.api.IncidentState;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/** The incident feature's published reads, served from its read model with the reader's scope in every query. */
@Component
class MongoIncidentReads implements IncidentReads {

    private final IncidentReadModel readModel;
    private final PersonalDataCipher cipher;

    MongoIncidentReads(IncidentReadModel readModel, PersonalDataCipher cipher) {
        this.readModel = readModel;
        this.cipher = cipher;
    }

    @Override
    public Optional<IncidentState> find(Actor reader, String incidentId) {
        return readModel.find(incidentId, ReadScope.of(reader)).map(incident -> opened(List.of(incident)).get(0));
    }

    @Override
    public List<IncidentState> current(Actor reader, IncidentSelection selection) {
        Bson query = Filters.and(ReadScope.of(reader), IncidentFilters.of(selection, ""));
        return opened(readModel.matching(query).into(new ArrayList<>()));
    }

    @Override
    public List<IncidentState> asOf(Actor reader, IncidentSelection selection, Instant asOf) {
        List<String> readable = new ArrayList<>();
        for (Document incident : readModel.matching(ReadScope.of(reader)).projection(Projections.include(IncidentDocument.ID))) {
            readable.add(incident.getString(IncidentDocument.ID));
        }
        Bson stateFilter = IncidentFilters.of(selection, IncidentHistoryDocument.STATE_PREFIX);
        return opened(readModel.statesAsOf(readable, Date.from(asOf), stateFilter));
    }

    /** The states with their free text opened, in memory; what was shredded is listed as redacted. */
    private List<IncidentState> opened(List<Document> incidents) {
        SubjectOpener opener = cipher.openerFor(incidents.stream()
                .map(incident -> DataSubject.incident(incident.getString(IncidentDocument.ID))).toList());
        List<IncidentState> states = new ArrayList<>();
        for (Document incident : incidents) {
            states.add(IncidentDocument.state(incident, opener));
        }
        return states;
    }
}
