package org.travesia.query.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.travesia.kernel.common.Actor;
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

    MongoIncidentReads(IncidentReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public List<IncidentState> current(Actor reader, IncidentSelection selection) {
        Bson query = Filters.and(ReadScope.of(reader), IncidentFilters.of(selection, ""));
        List<IncidentState> states = new ArrayList<>();
        for (Document incident : readModel.matching(query)) {
            states.add(IncidentDocument.state(incident));
        }
        return states;
    }

    @Override
    public List<IncidentState> asOf(Actor reader, IncidentSelection selection, Instant asOf) {
        List<String> readable = new ArrayList<>();
        for (Document incident : readModel.matching(ReadScope.of(reader)).projection(Projections.include(IncidentDocument.ID))) {
            readable.add(incident.getString(IncidentDocument.ID));
        }
        Bson stateFilter = IncidentFilters.of(selection, IncidentHistoryDocument.STATE_PREFIX);
        return readModel.statesAsOf(readable, Date.from(asOf), stateFilter).stream().map(IncidentDocument::state)
                .toList();
    }
}
