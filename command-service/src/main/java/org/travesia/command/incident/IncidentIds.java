package org.travesia.command.incident;

import java.util.UUID;

import org.travesia.platform.privacy.KeyedDigests;

/**
 * Incident ids. A report with a client report id gets an id derived from the organisation and that report id, so a
 * retry reaches the same aggregate instead of creating a second incident; two organisations' report ids never meet.
 * The derivation is keyed with the server's identifier key: a name-based UUID of the same inputs could be recomputed
 * by anyone, and a guessable report id would then tie a published incident to the organisation that reported it.
 */
final class IncidentIds {

    private IncidentIds() {
    }

    static String forReport(KeyedDigests digests, String organisation, String clientReportId) {
        if (clientReportId == null) {
            return UUID.randomUUID().toString();
        }
        return digests.uuid("incident-id", organisation, clientReportId);
    }
}
