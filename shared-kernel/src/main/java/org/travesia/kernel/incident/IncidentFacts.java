package org.travesia.kernel.incident;

import java.util.List;

import org.travesia.kernel.contract.PersonalData;

/**
 * The facts of an incident as events store them: plain fields only, in the shape clients report them in. Nothing
 * here validates, so an event recorded under yesterday's rules (a count since found negative, a country code that no
 * longer exists, a description longer than today's limit) is still read back as it was written. Rules live in
 * {@link IncidentDetails}, which commands carry; {@link IncidentFactsMapper} converts between the two.
 * <p>
 * Codes are strings (a taxonomy change never breaks an old event), counts are signed integers, and times are ISO
 * 8601 strings: {@code occurredAt} a date ({@code 2026-11-20}) or, with {@code EXACT} precision, a date-time with
 * offset; {@code reportedAt} a date-time with offset. Any field may be null.
 */
public record IncidentFacts(String type, String accidentSubtype, String occurredAt, String occurredAtPrecision,
                            String reportedAt, Place place, String routeId, String segmentId, Affected affected,
                            List<String> nationalities, String perpetrator, List<String> causesOfDeath, Source source,
                            @PersonalData String description, Consent consent) {

    /** Where: a country, or (at sea, in a later import) none. Locality is free text and may point at a person. */
    public record Place(String country, String admin1, String admin2, @PersonalData String locality,
                        Coordinates coordinates, String precision) {
    }

    /** WGS84, decimal degrees. */
    public record Coordinates(Double lat, Double lon) {
    }

    /** Counts of people; null is unknown. Signed: imported data carries negative corrections. */
    public record Affected(Integer dead, Integer missing, Integer injured, Integer survivors, Integer female,
                           Integer male, Integer children, Integer unaccompaniedChildren) {
    }

    /** Where the information comes from; the reference is free text (an interview, a log entry). */
    public record Source(String type, Integer quality, @PersonalData String reference) {
    }

    /** Whether consent was obtained, and for which uses. */
    public record Consent(Boolean obtained, List<String> uses) {
    }
}
