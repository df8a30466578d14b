package org.travesia.query.missing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the matching aid weighs a death against open cases ({@code travesia.missing.matching.*}).
 *
 * @param maxDistanceKm how far from where a person was last seen a death may be and still be listed, when both places
 *                      have coordinates ({@code TRAVESIA_MISSING_MATCHING_MAX_DISTANCE_KM}, default 100: a river or
 *                      a day's walk can carry someone that far on the Darién route)
 */
@ConfigurationProperties("travesia.missing.matching")
record MatchingProperties(Double maxDistanceKm) {

    MatchingProperties {
        maxDistanceKm = maxDistanceKm == null ? 100.0 : maxDistanceKm;
    }
}
