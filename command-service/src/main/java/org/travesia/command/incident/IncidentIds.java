package org.travesia.command.incident;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Incident ids. A report with a client report id gets an id derived from the organisation and that report id, so a
 * retry reaches the same aggregate instead of creating a second incident; two organisations' report ids never meet.
 */
final class IncidentIds {

    private IncidentIds() {
    }

    static String forReport(String organisation, String clientReportId) {
        if (clientReportId == null) {
            return UUID.randomUUID().toString();
        }
        byte[] name = ("incident\u0000" + organisation + "\u0000" + clientReportId).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(name).toString();
    }
}
