package org.travesia.command.missing;

import java.util.UUID;

import org.travesia.platform.privacy.KeyedDigests;

/**
 * Case ids: from the organisation and the client's report id under the server's identifier key, as incident ids are,
 * so a retry reaches the same case and nobody without the key links a report id to a case.
 */
final class CaseIds {

    private CaseIds() {
    }

    static String forReport(KeyedDigests digests, String organisation, String clientReportId) {
        if (clientReportId == null) {
            return UUID.randomUUID().toString();
        }
        return digests.uuid("missing-person-id", organisation, clientReportId);
    }
}
