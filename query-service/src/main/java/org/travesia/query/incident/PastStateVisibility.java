package org.travesia.query.incident;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.travesia.kernel.common.Actor;
import org.travesia.query.incident.api.Reach;

/**
 * What a reader may see of an incident's past, the one rule every read of past states applies (as-of reads, the
 * history, exports as of an instant): a past state only if it was itself within the reader's scope when it was
 * recorded (shared with the reader's organisation, and carrying the consent the reader's reach needs), and the
 * incident is within it now. Without the first half, an organisation that reports privately, removes a name by
 * amendment and then shares the report would have shared the name too; and a report whose consent was given only
 * later would show what it held before the person agreed.
 * <p>
 * "Now" is every read's starting point: it finds the incident with {@link IncidentReadScope} on its current document.
 * This class holds "then", on the states kept in {@code incident_history} (the state after each event, with the
 * sharing and the consent it had): in memory, and as a query filter, which a test holds to agree. The reporting
 * organisation's monitors, analysts and admins always pass, so they see their own past in full.
 */
final class PastStateVisibility {

    private PastStateVisibility() {
    }

    /** Whether {@code reader} could see this recorded state, reached as the network, when it was recorded. */
    static boolean sharedThen(Actor reader, Document state) {
        return IncidentReadScope.allows(reader, Reach.NETWORK, state);
    }

    /** The same, as a filter on {@code incident_history} entries, by the state each one holds, for any reach. */
    static Bson sharedThen(Actor reader, Reach reach) {
        return IncidentReadScope.of(reader, reach, IncidentHistoryDocument.STATE_PREFIX);
    }

    /**
     * The states an export reached this way may have withheld then for lack of consent, and say so: those the reader
     * could see then as the network, at the reach's sharing levels ({@link IncidentReadScope#withholdable}).
     */
    static Bson withholdableThen(Actor reader, Reach reach) {
        return IncidentReadScope.withholdable(reader, reach, IncidentHistoryDocument.STATE_PREFIX);
    }

    /**
     * Whether a history entry may show its values (what changed from what to what, the reason, the note) to
     * {@code reader}: the values it replaced belong to the state before it ({@code before}, null for the first
     * event) and its new values to the state after it, so both must have been shared then. Otherwise it shows as
     * changed, not shared.
     */
    static boolean valuesShown(Actor reader, Document before, Document after) {
        return sharedThen(reader, after) && (before == null || sharedThen(reader, before));
    }
}
