package org.travesia.query.missing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Component;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.GeoPoint;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.missing.AgeRange;
import org.travesia.kernel.missing.CaseStatus;
import org.travesia.kernel.missing.MissingPersonFacts;
import org.travesia.kernel.missing.MissingPersonFactsMapper;
import org.travesia.kernel.missing.Sex;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.SubjectOpener;
import org.travesia.query.incident.api.IncidentState;

import com.mongodb.client.model.Filters;

/**
 * Decision support, never a link: for a death, the open cases that could be the person who died, ranked, each with
 * its reasons. A case is listed when the caller may see it, it is open and not erased, and:
 * <ul>
 * <li>it was last seen on the incident's route, before the incident;</li>
 * <li>its sex and age band do not contradict the incident's counts, where both are known (no women among the
 * affected rules out a woman, no men a man, no children a child);</li>
 * <li>where both places have coordinates and the caller owns the case, it was last seen within
 * {@link MatchingProperties#maxDistanceKm()}.</li>
 * </ul>
 * Ranked by how close in time and place, and by how much is known to agree. The distance is computed in memory from
 * the case's sealed point, for the owning organisation only: for another organisation's case it neither filters nor
 * scores (it is "not shared"), since answers that depend on it would let chosen incident points triangulate it.
 */
@Component
class PossibleMatches {

    private static final double EARTH_RADIUS_KM = 6371.0;
    private static final int ADULT = 18;

    private final CaseReadModel readModel;
    private final PersonalDataCipher cipher;
    private final MatchingProperties properties;

    PossibleMatches(CaseReadModel readModel, PersonalDataCipher cipher, MatchingProperties properties) {
        this.readModel = readModel;
        this.cipher = cipher;
        this.properties = properties;
    }

    /** A case that could match, why, and how well. */
    record Match(Document state, double score, List<Map<String, Object>> reasons) {
    }

    List<Match> of(IncidentState incident, Actor reader) {
        IncidentFacts facts = incident.details();
        if (facts.routeId() == null || incident.occurredFrom() == null) {
            return List.of();
        }
        List<Document> candidates = readModel.matching(Filters.and(CaseScope.of(reader),
                Filters.eq(CaseDocument.ROUTE, facts.routeId()),
                Filters.eq(CaseDocument.STATUS, CaseStatus.OPEN.name()),
                Filters.ne(CaseDocument.ERASED, true),
                Filters.lte(CaseDocument.LAST_SEEN_FROM, Date.from(incident.occurredFrom())))).into(new ArrayList<>());
        SubjectOpener opener = cipher.openerFor(candidates.stream()
                .map(state -> DataSubject.missingPerson(state.getString(CaseDocument.ID))).toList());
        List<Match> matches = new ArrayList<>();
        for (Document candidate : candidates) {
            Match match = weigh(candidate, incident, opener, CaseAccess.seesPersonalData(reader, candidate));
            if (match != null) {
                matches.add(match);
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed()
                .thenComparing(match -> match.state().getString(CaseDocument.ID)));
        return matches;
    }

    /** The candidate's match, or null when something known rules it out. */
    private Match weigh(Document candidate, IncidentState incident, SubjectOpener opener, boolean owner) {
        List<Map<String, Object>> reasons = new ArrayList<>();
        IncidentFacts facts = incident.details();
        reasons.add(reason("same-route", "routeId", facts.routeId()));
        Instant lastSeen = candidate.getDate(CaseDocument.LAST_SEEN_FROM).toInstant();
        long days = Duration.between(lastSeen, incident.occurredFrom()).toDays();
        reasons.add(reason("last-seen-before", "days", days));
        double score = 1.0 / (1.0 + days / 30.0);

        MissingPersonFacts.Person person = CaseView.person(candidate);
        IncidentFacts.Affected affected = facts.affected();
        Boolean sexAgrees = sexAgrees(person == null ? null : person.sex(), affected);
        if (Boolean.FALSE.equals(sexAgrees)) {
            return null;
        }
        reasons.add(reason(sexAgrees == null ? "sex-not-ruled-out" : "sex-compatible", null, null));
        score += sexAgrees == null ? 0 : 0.5;
        Boolean ageAgrees = ageAgrees(person == null || person.ageBand() == null ? null
                : new AgeRange(person.ageBand().min(), person.ageBand().max()), affected);
        if (Boolean.FALSE.equals(ageAgrees)) {
            return null;
        }
        reasons.add(reason(ageAgrees == null ? "age-not-ruled-out" : "age-compatible", null, null));
        score += ageAgrees == null ? 0 : 0.5;

        if (!owner) {
            // Where the person was last seen is sealed: no figure, no filter and no score may depend on it for
            // another organisation, or incidents placed at chosen points would measure their way to it.
            reasons.add(reason("distance-not-shared", null, null));
            score += 0.25;
            return new Match(candidate, BigDecimal.valueOf(score).setScale(3, RoundingMode.HALF_UP).doubleValue(),
                    reasons);
        }
        Double distance = distanceKm(candidate, facts, opener);
        if (distance != null && distance > properties.maxDistanceKm()) {
            return null;
        }
        if (distance == null) {
            reasons.add(reason("distance-unknown", null, null));
            score += 0.25;
        } else {
            reasons.add(reason("within-distance", "km", Math.round(distance)));
            score += 1.0 - distance / properties.maxDistanceKm();
        }
        return new Match(candidate, BigDecimal.valueOf(score).setScale(3, RoundingMode.HALF_UP).doubleValue(),
                reasons);
    }

    /** False when the incident's counts rule the sex out; null when either side does not say. */
    static Boolean sexAgrees(String sex, IncidentFacts.Affected affected) {
        if (sex == null || affected == null) {
            return null;
        }
        Integer count = Sex.FEMALE.name().equals(sex) ? affected.female()
                : Sex.MALE.name().equals(sex) ? affected.male() : null;
        return count == null ? null : count > 0;
    }

    /**
     * For a child (a band below {@value #ADULT}): false when the incident counts no children, true when it counts
     * some. Null otherwise: the counts say nothing about adults.
     */
    static Boolean ageAgrees(AgeRange band, IncidentFacts.Affected affected) {
        if (band == null || band.max() == null || band.max() >= ADULT || affected == null
                || affected.children() == null) {
            return null;
        }
        return affected.children() > 0;
    }

    private static Double distanceKm(Document candidate, IncidentFacts facts, SubjectOpener opener) {
        IncidentFacts.Coordinates incidentPoint = facts.place() == null ? null : facts.place().coordinates();
        MissingPersonFacts.LastSeen lastSeen = CaseView.lastSeen(candidate);
        if (incidentPoint == null || incidentPoint.lat() == null || incidentPoint.lon() == null || lastSeen == null
                || lastSeen.place() == null) {
            return null;
        }
        DataSubject subject = DataSubject.missingPerson(candidate.getString(CaseDocument.ID));
        GeoPoint seen = MissingPersonFactsMapper.coordinates(opener.text(subject, "coordinates",
                lastSeen.place().coordinates()));
        if (seen == null) {
            return null;
        }
        double lat1 = Math.toRadians(seen.lat());
        double lat2 = Math.toRadians(incidentPoint.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(incidentPoint.lon() - seen.lon());
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    private static Map<String, Object> reason(String code, String key, Object value) {
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("code", code);
        if (key != null) {
            reason.put(key, value);
        }
        return reason;
    }
}
