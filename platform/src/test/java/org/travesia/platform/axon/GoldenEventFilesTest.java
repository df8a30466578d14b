package org.travesia.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.EventCatalogue;
import org.travesia.kernel.contract.EventType;
import org.travesia.platform.axon.GoldenEvents.Golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Nobody changes the stored form of an event by accident: each event's sample is written exactly as its golden file
 * of the current revision, and each golden file reads back as the sample.
 */
class GoldenEventFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRegisteredEventHasASampleAndAGoldenFileOfItsCurrentRevision() {
        List<String> current = EventCatalogue.EVENTS.stream().map(GoldenEventFilesTest::currentGolden)
                .map(Golden::resource).toList();

        assertThat(EventSamples.BY_NAME.keySet()).containsExactlyInAnyOrderElementsOf(
                EventCatalogue.EVENTS.stream().map(e -> e.getAnnotation(EventType.class).name()).toList());
        assertThat(GoldenEvents.all().stream().map(Golden::resource)).containsAll(current);
    }

    @Test
    void everySampleIsWrittenExactlyAsItsGoldenFile() throws Exception {
        for (Class<? extends Record> event : EventCatalogue.EVENTS) {
            Golden golden = currentGolden(event);
            SerializedObject<String> written = GoldenEvents.SERIALIZER.serialize(EventSamples.BY_NAME.get(golden.name()),
                    String.class);

            assertThat(written.getType().getName()).isEqualTo(golden.name());
            assertThat(written.getType().getRevision()).isEqualTo(String.valueOf(golden.revision()));
            JsonNode actual = JSON.readTree(written.getData());
            assertThat(actual).as("%s is written as %s; it was:%n%s", golden.name(), golden.resource(),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual))
                    .isEqualTo(JSON.readTree(golden.json()));
        }
    }

    @Test
    void everyGoldenFileOfACurrentRevisionReadsBackAsItsSample() {
        for (Class<? extends Record> event : EventCatalogue.EVENTS) {
            Golden golden = currentGolden(event);
            Object read = GoldenEvents.SERIALIZER.deserialize(new SimpleSerializedObject<>(golden.json(), String.class,
                    golden.name(), String.valueOf(golden.revision())));

            assertThat(read).as(golden.resource()).isEqualTo(EventSamples.BY_NAME.get(golden.name()));
        }
    }

    private static Golden currentGolden(Class<? extends Record> event) {
        EventType type = event.getAnnotation(EventType.class);
        return new Golden(type.name(), type.revision());
    }
}
