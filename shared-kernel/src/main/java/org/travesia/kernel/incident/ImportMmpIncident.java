package org.travesia.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.SharingLevel;

/**
 * Bring one MMP incident into Travesía, or up to date with a newer MMP file: a sync, not a report. The facts were
 * judged by the MMP import's own rules, which accept what MMP publishes and today's report rules refuse (signed
 * counts, no country at sea, coarse coordinates); {@code facts} holds only what the MMP row says, and a field it does
 * not carry (description, consent, nationalities, perpetrator) is left as the organisation set it. {@code sharing}
 * applies when the incident is created; later imports leave the sharing as analysts set it. {@code revisionOf} is the
 * date of the MMP revision, named in the reason of any amendment.
 */
public record ImportMmpIncident(@TargetAggregateIdentifier String incidentId, String mmpKey, IncidentFacts facts,
                                MmpRecord record, SharingLevel sharing, String revisionOf, Actor actor) {

    /** What an import did to one incident. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }
}
