package org.travesia.command.alert;

import org.bson.Document;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.PartnerReadConsent;

/**
 * What one incident contributes to a day cell: whose it is and who may read it (its sharing level, and whether it
 * carries the consent another organisation needs, {@link PartnerReadConsent}), its type, and its dead plus missing
 * (unknown counts as none); and the global position of the event that put it there ({@code putAt}, 0 for an entry
 * written before entries recorded it), so that a rule evaluated for an event counts only what was there at that
 * event ({@link RuleEvaluation#from(java.util.Map, long)}).
 */
record CellEntry(String incidentId, String organisation, String sharing, boolean partnerConsent, String type,
                 int deadAndMissing, long putAt) {

    /** An entry with no position recorded: counted at every position. */
    CellEntry(String incidentId, String organisation, String sharing, boolean partnerConsent, String type,
              int deadAndMissing) {
        this(incidentId, organisation, sharing, partnerConsent, type, deadAndMissing, 0);
    }

    /** Whether it contributes what {@code other} contributes, whichever event put each. */
    boolean contributesAs(CellEntry other) {
        return other != null && new CellEntry(incidentId, organisation, sharing, partnerConsent, type, deadAndMissing)
                .equals(new CellEntry(other.incidentId, other.organisation, other.sharing, other.partnerConsent,
                        other.type, other.deadAndMissing));
    }

    /**
     * Whether an organisation's rules may count it: its own reports at any level, others' shared ones that carry the
     * consent. An entry written before consent was recorded in cells has none, so it counts only for its own
     * organisation until the incident's next event or a replay.
     */
    boolean visibleTo(String ruleOrganisation) {
        return organisation.equals(ruleOrganisation) || partnerConsent && (SharingLevel.NETWORK.name().equals(sharing)
                || SharingLevel.PUBLIC.name().equals(sharing));
    }

    Document toDocument() {
        return new Document("organisation", organisation).append("sharing", sharing)
                .append("partnerConsent", partnerConsent).append("type", type).append("deadAndMissing", deadAndMissing).append("putAt", putAt);
    }

    static CellEntry of(String incidentId, Document d) {
        return new CellEntry(incidentId, d.getString("organisation"), d.getString("sharing"),
                Boolean.TRUE.equals(d.getBoolean("partnerConsent")), d.getString("type"),
                d.getInteger("deadAndMissing", 0), d.get("putAt") instanceof Number at ? at.longValue() : 0);
    }
}
