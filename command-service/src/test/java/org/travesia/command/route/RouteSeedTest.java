package org.travesia.command.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.route.AddSegment;

/** The shipped seed: the main routes of the Americas, every area valid and marked as an approximation. */
class RouteSeedTest {

    @Test
    void theSeedHoldsTheMainRoutesOfTheAmericas() {
        assertThat(RouteSeed.read()).extracting(route -> route.routeId()).containsExactly("darien",
                "central-america-mexico", "mexico-rail", "us-mexico-border", "caribbean-sea");
    }

    @Test
    void everySeededSegmentIsValidAndMarkedAsAnApproximation() {
        List<AddSegment> segments = RouteSeed.read().stream().flatMap(route -> route.segments().stream()).toList();

        assertThat(segments).hasSizeGreaterThanOrEqualTo(15);
        assertThat(segments).allSatisfy(segment -> {
            assertThat(segment.approximation()).as(segment.segmentId()).isTrue();
            assertThat(segment.area().coordinates()).as(segment.segmentId()).isNotEmpty();
        });
    }
}
