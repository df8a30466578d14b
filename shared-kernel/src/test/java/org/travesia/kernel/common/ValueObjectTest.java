package org.travesia.kernel.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.incident.AffectedPeople;

/** Values refuse what they cannot be, with stable codes and the field at fault. */
class ValueObjectTest {

    @Test
    void coordinatesOutsideTheGlobeAreRefusedBothAtOnce() {
        assertThatThrownBy(() -> new GeoPoint(-91, 200))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("lat", "coordinates.out-of-range"),
                                org.assertj.core.groups.Tuple.tuple("lon", "coordinates.out-of-range")));
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(InvalidValueException.class);
        assertThat(new GeoPoint(90, -180)).isNotNull();
    }

    @Test
    void aPlaceNeedsAKnownCountryAndKeepsThePrecisionOfItsPoint() {
        assertThatThrownBy(() -> Place.inCountry("XX")).hasMessageContaining("country.unknown");
        assertThatThrownBy(() -> Place.inCountry("pa")).hasMessageContaining("country.unknown");
        Place place = new Place("PA", "Darién", null, null, new GeoPoint(8.04, -77.65), null);
        assertThat(place.precision()).as("a point of unknown precision is not treated as exact")
                .isEqualTo(LocationPrecision.ADMIN);
    }

    @Test
    void unknownIsNotZero() {
        AffectedPeople affected = new AffectedPeople(0, null, null, null, null, null, null, null);
        assertThat(affected.dead()).isZero();
        assertThat(affected.missing()).isNull();
        assertThat(affected.deadAndMissing()).isZero();
        assertThat(AffectedPeople.unknown().deadAndMissing()).isNull();
        assertThatThrownBy(() -> new AffectedPeople(-1, null, null, null, null, null, null, null))
                .hasMessageContaining("count.negative");
        assertThatThrownBy(() -> new AffectedPeople(null, null, null, null, null, null, 1, 2))
                .hasMessageContaining("affected.unaccompanied-exceeds-children");
    }

    @Test
    void anOccurrenceKeepsItsPrecisionAndADateIsInTheFutureOnlyWhenNowhereHasReachedIt() {
        OccurredAt day = OccurredAt.onDay(LocalDate.of(2026, 11, 25));
        Instant lateOn24thUtc = Instant.parse("2026-11-24T20:00:00Z");
        assertThat(day.isAfter(lateOn24thUtc)).as("already the 25th in Kiribati").isFalse();
        assertThat(OccurredAt.onDay(LocalDate.of(2026, 11, 26)).isAfter(lateOn24thUtc)).isTrue();

        OccurredAt exact = new OccurredAt(null, OffsetDateTime.parse("2026-11-20T14:00:00-05:00"), null);
        assertThat(exact.precision()).isEqualTo(TimePrecision.EXACT);
        assertThat(exact.date()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(new OccurredAt(LocalDate.of(2026, 11, 20), OffsetDateTime.parse("2026-11-20T14:00:00-05:00"),
                TimePrecision.WEEK).exact()).as("a week-precise date keeps no time").isNull();
        assertThatThrownBy(() -> new OccurredAt(LocalDate.of(2026, 11, 20), null, TimePrecision.EXACT))
                .hasMessageContaining("occurred-at.exact-needs-time");
    }

    @Test
    void violationsKeepTheFirstProblemPerFieldAndNestTheirPaths() {
        Violations v = new Violations();
        v.build("place", () -> new Place("XX", null, null, null, null, null));
        v.add("place.country", "field.required");
        assertThat(v.list()).extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("place.country", "country.unknown"));
    }

    @Test
    void aBoundingBoxMayCrossTheAntimeridianButNotTurnUpsideDown() {
        assertThat(BoundingBox.parse("170,-20,-170,20").crossesAntimeridian()).isTrue();
        assertThatThrownBy(() -> BoundingBox.parse("-80,10,-70,5")).hasMessageContaining("parameter.bbox.invalid");
        assertThatThrownBy(() -> BoundingBox.parse("a,b,c,d")).hasMessageContaining("parameter.bbox.invalid");
    }
}
