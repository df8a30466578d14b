package org.travesia.command.incident;

import org.travesia.command.incident.IncidentReportRequest.AffectedBody;
import org.travesia.command.incident.IncidentReportRequest.ConsentBody;
import org.travesia.command.incident.IncidentReportRequest.PlaceBody;
import org.travesia.command.incident.IncidentReportRequest.SourceBody;
import org.travesia.kernel.common.Codes;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentFactsMapper;
import org.travesia.kernel.incident.Source;

/**
 * Turns request bodies into kernel values. A body is first copied, as it came, into the plain facts an event would
 * hold; the kernel then runs them through its rules ({@link IncidentFactsMapper#toDetails}), which record every
 * violation with its field path. A correction is judged by the same rules, so reports and amendments answer with the
 * same codes.
 */
final class IncidentRequestMapper {

    private IncidentRequestMapper() {
    }

    static IncidentDetails details(IncidentReportRequest body, Violations v) {
        return IncidentFactsMapper.toDetails(facts(body), v);
    }

    static IncidentFacts facts(IncidentReportRequest body) {
        return new IncidentFacts(body.type(), body.accidentSubtype(), body.occurredAt(), body.occurredAtPrecision(),
                body.reportedAt(), place(body.place()), body.routeId(), body.segmentId(), affected(body.affected()),
                body.nationalities(), body.perpetrator(), body.causesOfDeath(), source(body.source()),
                body.description(), consent(body.consent()));
    }

    static Source source(Violations v, SourceBody body) {
        return IncidentFactsMapper.toSource(v, source(body));
    }

    static SharingLevel sharing(Violations v, String sharing) {
        SharingLevel level = Codes.parse(v, "sharing", sharing, SharingLevel.class, false);
        // Unspecified means the narrowest audience: sharing more is a decision someone makes, never a default.
        return level == null ? SharingLevel.ORGANISATION : level;
    }

    private static IncidentFacts.Place place(PlaceBody body) {
        if (body == null) {
            return null;
        }
        return new IncidentFacts.Place(body.country(), body.admin1(), body.admin2(), body.locality(),
                body.coordinates() == null ? null
                        : new IncidentFacts.Coordinates(body.coordinates().lat(), body.coordinates().lon()),
                body.precision());
    }

    private static IncidentFacts.Affected affected(AffectedBody body) {
        return body == null ? null : new IncidentFacts.Affected(body.dead(), body.missing(), body.injured(),
                body.survivors(), body.female(), body.male(), body.children(), body.unaccompaniedChildren());
    }

    private static IncidentFacts.Source source(SourceBody body) {
        return body == null ? null : new IncidentFacts.Source(body.type(), body.quality(), body.reference());
    }

    private static IncidentFacts.Consent consent(ConsentBody body) {
        return body == null ? null : new IncidentFacts.Consent(body.obtained(), body.uses());
    }
}
