package org.travesia.command.alert;

import org.bson.Document;
import org.travesia.kernel.common.SharingLevel;

/**
 * What one incident contributes to a day cell: whose it is and who may read it, its type, and its dead plus missing
 * (unknown counts as none).
 */
record CellEntry(String incidentId, String organisation, String sharing, String type, int deadAndMissing) {

    /** Whether an organisation's rules may count it: its own reports at any level, others' shared ones. */
    boolean visibleTo(String ruleOrganisation) {
        return organisation.equals(ruleOrganisation) || SharingLevel.NETWORK.name().equals(sharing)
                || SharingLevel.PUBLIC.name().equals(sharing);
    }

    Document toDocument() {
        return new Document("organisation", organisation).append("sharing", sharing).append("type", type)
                .append("deadAndMissing", deadAndMissing);
    }

    static CellEntry of(String incidentId, Document d) {
        return new CellEntry(incidentId, d.getString("organisation"), d.getString("sharing"), d.getString("type"),
                d.getInteger("deadAndMissing", 0));
    }
}
