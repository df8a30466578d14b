package org.travesia.query.incident;

import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.Visibility;
import org.travesia.platform.security.ReadScope;
import org.travesia.query.incident.api.Reach;

import com.mongodb.client.model.Filters;

/**
 * Which incidents a reader may see at all, the scope every read of the incident feature starts from: what
 * {@link ReadScope} allows by role, organisation and sharing level, narrowed to the {@link Reach}'s sharing levels,
 * and only incidents that carry the consent the reach needs ({@link ConsentFilter}). Another organisation's report
 * that lacks it is not there for the reader: not listed, not counted, not found by id (404, as one never shared).
 * <p>
 * As a query filter on incident documents (or, with the prefix {@code state.}, on the states kept in
 * {@code incident_history}), and in memory for a state already fetched; a test holds the two together.
 */
final class IncidentReadScope {

    private IncidentReadScope() {
    }

    /** The incidents {@code reader} may see now, reached as the network: every read but the public export. */
    static Bson of(Actor reader) {
        return of(reader, Reach.NETWORK, "");
    }

    static Bson of(Actor reader, Reach reach, String prefix) {
        return Filters.and(sharedWith(reader, reach, prefix), ConsentFilter.of(reach.consent(), reader, prefix));
    }

    /**
     * What an export reached this way may withhold for lack of consent and say so: reports the reader may see as the
     * network (so never another organisation's report that lacks the consent partners need: the reader is not told
     * such a report exists, not even as a count), at the reach's sharing levels, whatever consent the reach needs.
     */
    static Bson withholdable(Actor reader, Reach reach, String prefix) {
        return Filters.and(of(reader, Reach.NETWORK, prefix), sharedWith(reader, reach, prefix));
    }

    /** The same scope before consent: what the reader could see if every report carried it. */
    static Bson sharedWith(Actor reader, Reach reach, String prefix) {
        if (reach.sharing().isEmpty()) {
            return ReadScope.of(reader, prefix);
        }
        List<String> levels = reach.sharing().stream().map(SharingLevel::name).toList();
        return Filters.and(ReadScope.of(reader, prefix), Filters.in(prefix + IncidentDocument.SHARING, levels));
    }

    /** {@link #withholdable(Actor, Reach, String)} in memory, for a state already fetched. */
    static boolean withholdable(Actor reader, Reach reach, Document incident) {
        return allows(reader, Reach.NETWORK, incident) && (reach.sharing().isEmpty()
                || reach.sharing().contains(SharingLevel.recorded(incident.getString(IncidentDocument.SHARING))));
    }

    /** Whether {@code reader} may see this incident document (or kept state), reached this way, in memory. */
    static boolean allows(Actor reader, Reach reach, Document incident) {
        SharingLevel sharing = SharingLevel.recorded(incident.getString(IncidentDocument.SHARING));
        return Visibility.canSee(reader, incident.getString(IncidentDocument.ORGANISATION), sharing)
                && (reach.sharing().isEmpty() || reach.sharing().contains(sharing))
                && ConsentFilter.carries(reach.consent(), reader, incident);
    }
}
