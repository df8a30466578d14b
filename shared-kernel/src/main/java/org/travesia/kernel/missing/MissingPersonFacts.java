package org.travesia.kernel.missing;

import java.util.List;

import org.travesia.kernel.contract.PersonalData;

/**
 * A missing person's case as events store it: plain fields, nothing validated on reading (the rules live in
 * {@link MissingPersonReport} and the values it holds; {@link MissingPersonFactsMapper} converts). Codes are strings,
 * dates ISO 8601 strings.
 * <p>
 * Personal fields are Strings (or lists of them) so that they hold sealed text: an exact age range is written
 * {@code 20-25} ({@code -25}, {@code 20-} with an end unknown), coordinates {@code lat,lon}, a year {@code 1994}.
 */
public final class MissingPersonFacts {

    private MissingPersonFacts() {
    }

    /**
     * The person. {@code ageBand} is the age range widened to whole five-year bands, kept with sex and nationality
     * after an erasure; the range as reported is personal.
     */
    public record Person(@PersonalData String fullName, @PersonalData List<String> aliases, String sex,
                         AgeBand ageBand, @PersonalData String ageRange, @PersonalData String yearOfBirth,
                         String nationality, @PersonalData List<String> languages,
                         @PersonalData String distinguishingFeatures) {
    }

    /** Ages in years; null ends are unknown. */
    public record AgeBand(Integer min, Integer max) {
    }

    /**
     * Where someone was seen. The administrative areas stay (they are published even in public exports); the
     * locality and the exact point can find a house, and are personal.
     */
    public record Place(String country, String admin1, String admin2, @PersonalData String locality,
                        @PersonalData String coordinates, String precision) {
    }

    /** When ({@code date}, and its {@code precision}: DAY, WEEK or MONTH), where, and on which route and segment. */
    public record LastSeen(String date, String precision, Place place, String routeId, String segmentId) {
    }

    /** Who reported the person: how related ({@code Relationship} code), and how to reach them. */
    public record Reporter(String relationship, @PersonalData String contact) {
    }

    /** Consent: obtained or not, for which uses ({@code ConsentUse} codes), given by whom ({@code ConsentGiver}). */
    public record Consent(Boolean obtained, List<String> uses, String givenBy) {
    }
}
