package org.travesia.query.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.platform.security.ReadScope;
import org.travesia.query.incident.api.IncidentReads;
import org.travesia.query.incident.api.IncidentSelection;
import org.travesia.query.incident.api.IncidentState;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/** The incident feature's published reads, served from its read model with the reader's scope in every query. */
@Component
class MongoIncidentReads implements IncidentReads {

    private static final String NOW = "";
    private static final String THEN = IncidentHistoryDocument.STATE_PREFIX;

    private final IncidentReadModel readModel;

    MongoIncidentReads(IncidentReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public List<IncidentState> current(Actor reader, IncidentSelection selection) {
        Bson query = Filters.and(ReadScope.of(reader), IncidentFilters.of(selection, NOW),
                ConsentFilter.of(selection.consent(), reader, NOW));
        List<IncidentState> states = new ArrayList<>();
        for (Document incident : readModel.matching(query)) {
            states.add(IncidentDocument.state(incident));
        }
        return states;
    }

    @Override
    public List<IncidentState> asOf(Actor reader, IncidentSelection selection, Instant asOf) {
        return statesAsOf(reader, selection, asOf, true).stream().map(IncidentDocument::state).toList();
    }

    @Override
    public long countWithoutConsent(Actor reader, IncidentSelection selection) {
        if (selection.consent().isNone()) {
            return 0;
        }
        return readModel.count(Filters.and(ReadScope.of(reader), IncidentFilters.of(selection, NOW),
                ConsentFilter.lacking(selection.consent(), reader, NOW)));
    }

    @Override
    public long countWithoutConsentAsOf(Actor reader, IncidentSelection selection, Instant asOf) {
        if (selection.consent().isNone()) {
            return 0;
        }
        return statesAsOf(reader, selection, asOf, false).size() - statesAsOf(reader, selection, asOf, true).size();
    }

    /**
     * The states at {@code asOf} of the incidents the reader may see now, that are shared now with the selection's
     * audience (and, if {@code withConsent}, carry its consent now), of those whose state then matches the selection,
     * was shared then with the reader's organisation (and, if {@code withConsent}, carried the consent then).
     */
    private List<Document> statesAsOf(Actor reader, IncidentSelection selection, Instant asOf, boolean withConsent) {
        List<Bson> now = new ArrayList<>(List.of(ReadScope.of(reader), sharedWithAudience(selection, NOW)));
        List<Bson> then = new ArrayList<>(List.of(IncidentFilters.of(selection, THEN),
                PastStateVisibility.sharedThen(reader)));
        if (withConsent) {
            now.add(ConsentFilter.of(selection.consent(), reader, NOW));
            then.add(ConsentFilter.of(selection.consent(), reader, THEN));
        }
        List<String> readable = new ArrayList<>();
        for (Document incident : readModel.matching(Filters.and(now)).projection(Projections.include(IncidentDocument.ID))) {
            readable.add(incident.getString(IncidentDocument.ID));
        }
        return readModel.statesAsOf(readable, Date.from(asOf), Filters.and(then));
    }

    private static Bson sharedWithAudience(IncidentSelection selection, String prefix) {
        return selection.sharing().isEmpty() ? Filters.empty()
                : Filters.in(prefix + IncidentDocument.SHARING, selection.sharing().stream().map(SharingLevel::name).toList());
    }
}
