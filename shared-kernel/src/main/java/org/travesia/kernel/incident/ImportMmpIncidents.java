package org.travesia.kernel.incident;

import java.util.List;

/**
 * Several MMP incidents synced in one unit of work: each exactly as {@link ImportMmpIncident} would, and all of their
 * events recorded together in one commit, or none of them. What makes a large MMP file fast on a store where each
 * acknowledged write waits for the disk; a batch that fails is sent again one incident at a time, so that one
 * incident's failure costs only that incident. The outcomes answer in the order of {@code incidents}.
 */
public record ImportMmpIncidents(List<ImportMmpIncident> incidents) {

    public ImportMmpIncidents {
        incidents = List.copyOf(incidents);
    }
}
