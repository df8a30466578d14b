package org.travesia.query.incident.api;

import java.util.Set;

import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.FindIncidents;
import org.travesia.kernel.incident.IncidentStatus;

/**
 * Which incidents another feature asks for: a search, narrowed to some sharing levels and statuses (an empty set
 * means any), of incidents that carry the consent it requires, of any origin or ({@code mmpOnly}) only those
 * imported from the Missing Migrants Project. The reader's own scope always applies on top, with
 * the consent of the {@link Reach} it reaches them by ({@code NETWORK} unless said otherwise).
 * <p>
 * Of a past state ({@link IncidentReads#asOf}), the sharing levels and the consent must hold both in that state and
 * now: a report withdrawn from an audience since, or whose consent was withdrawn since, is not given to that audience
 * as it was either. The search and the statuses are matched on the state then.
 */
public record IncidentSelection(FindIncidents find, Set<SharingLevel> sharing, Set<IncidentStatus> statuses,
                                RequiredConsent consent, Reach reach, boolean mmpOnly) {

    public IncidentSelection {
        sharing = sharing == null ? Set.of() : Set.copyOf(sharing);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        consent = consent == null ? RequiredConsent.none() : consent;
        reach = reach == null ? Reach.NETWORK : reach;
    }

    /** A selection of incidents of any origin. */
    public IncidentSelection(FindIncidents find, Set<SharingLevel> sharing, Set<IncidentStatus> statuses,
                             RequiredConsent consent, Reach reach) {
        this(find, sharing, statuses, consent, reach, false);
    }

    /** A selection reached as the network. */
    public IncidentSelection(FindIncidents find, Set<SharingLevel> sharing, Set<IncidentStatus> statuses,
                             RequiredConsent consent) {
        this(find, sharing, statuses, consent, Reach.NETWORK);
    }

    /** The same selection, of incidents imported from the Missing Migrants Project only. */
    public IncidentSelection onlyFromMmp() {
        return new IncidentSelection(find, sharing, statuses, consent, reach, true);
    }

    /** Everything each incident must carry: the selection's consent and its reach's. */
    public RequiredConsent required() {
        return consent.with(reach.consent());
    }
}
