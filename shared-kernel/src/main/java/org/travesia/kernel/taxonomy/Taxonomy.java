package org.travesia.kernel.taxonomy;

import java.util.Arrays;
import java.util.List;

import org.travesia.kernel.common.Label;
import org.travesia.kernel.common.LocationPrecision;
import org.travesia.kernel.common.TimePrecision;

/** Every code list clients need, with labels: what {@code GET /api/v1/taxonomy} publishes. */
public record Taxonomy(List<Entry> incidentTypes, List<Entry> accidentSubtypes, List<Entry> perpetrators,
                       List<Entry> causesOfDeath, List<Entry> sourceTypes, List<Entry> sourceQualities,
                       List<Entry> timePrecisions, List<Entry> locationPrecisions) {

    /** One code with its labels. */
    public record Entry(String code, String en, String es) {

        static Entry of(String code, Label label) {
            return new Entry(code, label.en(), label.es());
        }
    }

    public static Taxonomy current() {
        return new Taxonomy(
                entries(IncidentType.values()),
                entries(AccidentSubtype.values()),
                entries(PerpetratorCategory.values()),
                entries(CauseOfDeath.values()),
                entries(SourceType.values()),
                java.util.stream.IntStream.range(0, SourceQuality.LEVELS.size())
                        .mapToObj(i -> Entry.of(String.valueOf(i + 1), SourceQuality.LEVELS.get(i))).toList(),
                Arrays.stream(TimePrecision.values()).map(p -> Entry.of(p.name(), p.label())).toList(),
                Arrays.stream(LocationPrecision.values()).map(p -> Entry.of(p.name(), p.label())).toList());
    }

    private static List<Entry> entries(Labelled[] values) {
        return Arrays.stream(values).map(v -> Entry.of(v.name(), v.label())).toList();
    }
}
