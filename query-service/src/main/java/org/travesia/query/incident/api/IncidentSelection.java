package org.travesia.query.incident.api;

import java.util.Set;

import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.FindIncidents;
import org.travesia.kernel.incident.IncidentStatus;

/**
 * Which incidents another feature asks for: a search, narrowed to some sharing levels and statuses (an empty set
 * means any). The reader's own scope always applies on top.
 */
public record IncidentSelection(FindIncidents find, Set<SharingLevel> sharing, Set<IncidentStatus> statuses) {

    public IncidentSelection {
        sharing = sharing == null ? Set.of() : Set.copyOf(sharing);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
