package org.travesia.platform.privacy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.EventCatalogue;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.SourceAttached;
import org.travesia.platform.axon.EventTypeRegistry;
import org.travesia.platform.axon.SerializationConfiguration;
import org.travesia.platform.testing.TestPrivacy;

/** Neither serializer that writes to the store writes a personal field that is not sealed. */
class PlaintextRefusedTest {

    private final TestPrivacy privacy = TestPrivacy.inMemory();
    private final SerializationConfiguration serialization = new SerializationConfiguration();
    private final Serializer events = serialization.eventSerializer(EventTypeRegistry.of(EventCatalogue.EVENTS));
    private final Serializer general = serialization.serializer();

    @AfterEach
    void close() {
        privacy.close();
    }

    @Test
    void anEventWithAPlainPersonalFieldIsNotWrittenAndTheErrorNamesTheFieldNotItsValue() {
        for (Serializer serializer : List.of(events, general)) {
            assertThatThrownBy(() -> serializer.serialize(new IncidentRetracted("i-1", "Rosa Ibarra lied"), String.class))
                    .hasMessageContaining("IncidentRetracted.reason").hasMessageNotContaining("Rosa");
        }
    }

    @Test
    void aPlainValueNestedInARecordIsNotWrittenEither() {
        SourceAttached attached = new SourceAttached("i-1", new IncidentFacts.Source("MEDIA", 3, "Rosa's cousin"));

        assertThatThrownBy(() -> events.serialize(attached, String.class)).hasMessageContaining("source.reference");
    }

    @Test
    void sealedAndEmptyPersonalFieldsAreWritten() {
        DataSubject incident = DataSubject.incident("i-1");
        String sealed = privacy.cipher().sealerFor(incident).seal("reason", "Rosa Ibarra lied");

        assertThatCode(() -> events.serialize(new IncidentRetracted("i-1", sealed), String.class)).doesNotThrowAnyException();
        assertThatCode(() -> general.serialize(new IncidentRetracted("i-1", null), String.class)).doesNotThrowAnyException();
    }
}
