package org.travesia.command.alert;

import org.bson.Document;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.PartnerReadConsent;

/**
 * What one incident contributes to a day cell: whose it is and who may read it (its sharing level, and whether it
 * carries the consent another organisation needs, {@link PartnerReadConsent}), its type, and its dead plus missing
 * (unknown counts as none).
 */
record CellEntry(String incidentId, String organisation, String sharing, boolean partnerConsent, String type,
                 int deadAndMissing) {

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
                .append("partnerConsent", partnerConsent).append("type", type).append("deadAndMissing", deadAndMissing);
    }

    static CellEntry of(String incidentId, Document d) {
        return new CellEntry(incidentId, d.getString("organisation"), d.getString("sharing"),
                Boolean.TRUE.equals(d.getBoolean("partnerConsent")), d.getString("type"),
                d.getInteger("deadAndMissing", 0));
    }
}
