package org.travesia.kernel.incident;

import java.util.List;
import java.util.stream.Stream;

import org.travesia.kernel.common.FieldPatch;

/**
 * A correction of an incident's facts, field by field: for each field, leave it, set it, or set it to unknown
 * ({@link FieldPatch}). Objects ({@code place}, its {@code coordinates}, {@code affected}, {@code source},
 * {@code consent}) take a nested patch that merges into the current object, as a JSON merge patch (RFC 7396) does.
 * A null component means "leave it".
 * <p>
 * It carries values as clients wrote them; whether the result is acceptable is decided by today's rules on the
 * whole corrected incident, in the aggregate.
 */
public record IncidentPatch(FieldPatch<String> type, FieldPatch<String> accidentSubtype,
                            FieldPatch<String> occurredAt, FieldPatch<String> occurredAtPrecision,
                            FieldPatch<String> reportedAt, FieldPatch<PlacePatch> place, FieldPatch<String> routeId,
                            FieldPatch<String> segmentId, FieldPatch<AffectedPatch> affected,
                            FieldPatch<List<String>> nationalities, FieldPatch<String> perpetrator,
                            FieldPatch<List<String>> causesOfDeath, FieldPatch<SourcePatch> source,
                            FieldPatch<String> description, FieldPatch<ConsentPatch> consent) {

    public IncidentPatch {
        type = orKeep(type);
        accidentSubtype = orKeep(accidentSubtype);
        occurredAt = orKeep(occurredAt);
        occurredAtPrecision = orKeep(occurredAtPrecision);
        reportedAt = orKeep(reportedAt);
        place = orKeep(place);
        routeId = orKeep(routeId);
        segmentId = orKeep(segmentId);
        affected = orKeep(affected);
        nationalities = orKeep(nationalities);
        perpetrator = orKeep(perpetrator);
        causesOfDeath = orKeep(causesOfDeath);
        source = orKeep(source);
        description = orKeep(description);
        consent = orKeep(consent);
    }

    /** Whether every field is left as it is. */
    public boolean keepsEverything() {
        return Stream.of(type, accidentSubtype, occurredAt, occurredAtPrecision, reportedAt, place, routeId, segmentId,
                affected, nationalities, perpetrator, causesOfDeath, source, description, consent)
                .allMatch(FieldPatch::keeps);
    }

    /** The facts after this correction. */
    public IncidentFacts applyTo(IncidentFacts f) {
        return new IncidentFacts(type.applyTo(f.type()), accidentSubtype.applyTo(f.accidentSubtype()),
                occurredAt.applyTo(f.occurredAt()), occurredAtPrecision.applyTo(f.occurredAtPrecision()),
                reportedAt.applyTo(f.reportedAt()), FieldPatch.merge(place, f.place(), PlacePatch::applyTo),
                routeId.applyTo(f.routeId()), segmentId.applyTo(f.segmentId()),
                FieldPatch.merge(affected, f.affected(), AffectedPatch::applyTo),
                nationalities.applyTo(f.nationalities()), perpetrator.applyTo(f.perpetrator()),
                causesOfDeath.applyTo(f.causesOfDeath()), FieldPatch.merge(source, f.source(), SourcePatch::applyTo),
                description.applyTo(f.description()), FieldPatch.merge(consent, f.consent(), ConsentPatch::applyTo));
    }

    public record PlacePatch(FieldPatch<String> country, FieldPatch<String> admin1, FieldPatch<String> admin2,
                             FieldPatch<String> locality, FieldPatch<CoordinatesPatch> coordinates,
                             FieldPatch<String> precision) {

        public PlacePatch {
            country = orKeep(country);
            admin1 = orKeep(admin1);
            admin2 = orKeep(admin2);
            locality = orKeep(locality);
            coordinates = orKeep(coordinates);
            precision = orKeep(precision);
        }

        IncidentFacts.Place applyTo(IncidentFacts.Place current) {
            IncidentFacts.Place p = current != null ? current
                    : new IncidentFacts.Place(null, null, null, null, null, null);
            return new IncidentFacts.Place(country.applyTo(p.country()), admin1.applyTo(p.admin1()),
                    admin2.applyTo(p.admin2()), locality.applyTo(p.locality()),
                    FieldPatch.merge(coordinates, p.coordinates(), CoordinatesPatch::applyTo),
                    precision.applyTo(p.precision()));
        }
    }

    public record CoordinatesPatch(FieldPatch<Double> lat, FieldPatch<Double> lon) {

        public CoordinatesPatch {
            lat = orKeep(lat);
            lon = orKeep(lon);
        }

        IncidentFacts.Coordinates applyTo(IncidentFacts.Coordinates current) {
            IncidentFacts.Coordinates c = current != null ? current : new IncidentFacts.Coordinates(null, null);
            return new IncidentFacts.Coordinates(lat.applyTo(c.lat()), lon.applyTo(c.lon()));
        }
    }

    public record AffectedPatch(FieldPatch<Integer> dead, FieldPatch<Integer> missing, FieldPatch<Integer> injured,
                                FieldPatch<Integer> survivors, FieldPatch<Integer> female, FieldPatch<Integer> male,
                                FieldPatch<Integer> children, FieldPatch<Integer> unaccompaniedChildren) {

        public AffectedPatch {
            dead = orKeep(dead);
            missing = orKeep(missing);
            injured = orKeep(injured);
            survivors = orKeep(survivors);
            female = orKeep(female);
            male = orKeep(male);
            children = orKeep(children);
            unaccompaniedChildren = orKeep(unaccompaniedChildren);
        }

        IncidentFacts.Affected applyTo(IncidentFacts.Affected current) {
            IncidentFacts.Affected a = current != null ? current
                    : new IncidentFacts.Affected(null, null, null, null, null, null, null, null);
            return new IncidentFacts.Affected(dead.applyTo(a.dead()), missing.applyTo(a.missing()),
                    injured.applyTo(a.injured()), survivors.applyTo(a.survivors()), female.applyTo(a.female()),
                    male.applyTo(a.male()), children.applyTo(a.children()),
                    unaccompaniedChildren.applyTo(a.unaccompaniedChildren()));
        }
    }

    public record SourcePatch(FieldPatch<String> type, FieldPatch<Integer> quality, FieldPatch<String> reference) {

        public SourcePatch {
            type = orKeep(type);
            quality = orKeep(quality);
            reference = orKeep(reference);
        }

        IncidentFacts.Source applyTo(IncidentFacts.Source current) {
            IncidentFacts.Source s = current != null ? current : new IncidentFacts.Source(null, null, null);
            return new IncidentFacts.Source(type.applyTo(s.type()), quality.applyTo(s.quality()),
                    reference.applyTo(s.reference()));
        }
    }

    public record ConsentPatch(FieldPatch<Boolean> obtained, FieldPatch<List<String>> uses) {

        public ConsentPatch {
            obtained = orKeep(obtained);
            uses = orKeep(uses);
        }

        IncidentFacts.Consent applyTo(IncidentFacts.Consent current) {
            IncidentFacts.Consent c = current != null ? current : new IncidentFacts.Consent(null, null);
            return new IncidentFacts.Consent(obtained.applyTo(c.obtained()), uses.applyTo(c.uses()));
        }
    }

    private static <T> FieldPatch<T> orKeep(FieldPatch<T> patch) {
        return patch == null ? FieldPatch.keep() : patch;
    }
}
