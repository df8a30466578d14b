package org.travesia.platform.axon;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.contract.EventType;

/** The registry refuses, at start-up, an event that would break the stored contract. */
class EventTypeRegistryTest {

    @EventType(name = "test.happened", revision = 1)
    record Happened(String id) {
    }

    @EventType(name = "test.happened", revision = 1)
    record HappenedAgain(String id) {
    }

    @EventType(name = "TestHappened", revision = 1)
    record BadlyNamed(String id) {
    }

    @EventType(name = "test.unrevised", revision = 0)
    record Unrevised(String id) {
    }

    record Unnamed(String id) {
    }

    @Test
    void twoEventsCannotTakeOneName() {
        assertThatThrownBy(() -> EventTypeRegistry.of(List.of(Happened.class, HappenedAgain.class)))
                .hasMessageContaining("'test.happened'");
    }

    @Test
    void aNameMustFollowTheRuleAndARevisionStartsAtOne() {
        assertThatThrownBy(() -> EventTypeRegistry.of(List.of(BadlyNamed.class))).hasMessageContaining("TestHappened");
        assertThatThrownBy(() -> EventTypeRegistry.of(List.of(Unrevised.class))).hasMessageContaining("revision 0");
    }

    @Test
    void anEventWithoutANameIsRefused() {
        assertThatThrownBy(() -> EventTypeRegistry.of(List.of(Unnamed.class))).hasMessageContaining("@EventType");
    }
}
