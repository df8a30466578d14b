package org.travesia.command.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.travesia.kernel.taxonomy.CauseOfDeath;

/**
 * MMP's cause-of-death cell to Travesía's categories (MMP's own seven). Current data names one or several categories,
 * comma-joined, in MMP's exact wording; since one category's wording holds commas itself, the cell is read by
 * finding each category's wording in it, not by splitting it. Older records carry free text ("Shot (police)",
 * "Hyperthermia"), mapped by the words in it; text whose words match nothing gets no category. MMP's text is kept
 * as it was in every case.
 */
final class MmpCauses {

    /** Words of older free text and the category they mean, tried in this order. */
    private static final Map<String, CauseOfDeath> WORDS = wordsInOrder();

    private MmpCauses() {
    }

    /** The categories, and how they were found. */
    record Mapped(List<CauseOfDeath> causes, MmpQuirk how) {
    }

    static Mapped map(String cell) {
        String text = cell == null ? "" : cell.strip();
        if (text.isEmpty()) {
            return new Mapped(List.of(), null);
        }
        String rest = text.toLowerCase(Locale.ROOT);
        Set<CauseOfDeath> named = new LinkedHashSet<>();
        for (CauseOfDeath cause : CauseOfDeath.values()) {
            String wording = cause.mmpName().toLowerCase(Locale.ROOT);
            if (rest.contains(wording)) {
                named.add(cause);
                rest = rest.replace(wording, "");
            }
        }
        if (!named.isEmpty() && rest.replaceAll("[,;\\s]", "").isEmpty()) {
            return new Mapped(List.copyOf(named), named.size() > 1 ? MmpQuirk.SEVERAL_CAUSES : null);
        }
        Set<CauseOfDeath> byWords = new LinkedHashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        WORDS.forEach((word, cause) -> {
            if (lower.contains(word)) {
                byWords.add(cause);
            }
        });
        if (byWords.isEmpty()) {
            return new Mapped(List.of(), MmpQuirk.CAUSE_NOT_MAPPED);
        }
        return new Mapped(List.copyOf(byWords), MmpQuirk.CAUSE_FROM_FREE_TEXT);
    }

    private static Map<String, CauseOfDeath> wordsInOrder() {
        Map<String, CauseOfDeath> words = new java.util.LinkedHashMap<>();
        for (String w : List.of("drown", "water-related", "water related")) {
            words.put(w, CauseOfDeath.DROWNING);
        }
        for (String w : List.of("vehicle", "car ", "hit by car", "train", "truck", "motor", "road", "bus ")) {
            words.put(w, CauseOfDeath.VEHICLE_ACCIDENT);
        }
        for (String w : List.of("shot", "stabb", "murder", "violence", "beat", "killed", "homicide")) {
            words.put(w, CauseOfDeath.VIOLENCE);
        }
        for (String w : List.of("sick", "illness", "disease", "medicine", "healthcare")) {
            words.put(w, CauseOfDeath.SICKNESS);
        }
        for (String w : List.of("hypertherm", "hypotherm", "dehydrat", "exposure", "starv", "cold", "harsh",
                "weather", "suffocat", "asphyx")) {
            words.put(w, CauseOfDeath.HARSH_ENVIRONMENTAL_CONDITIONS);
        }
        for (String w : List.of("fell", "fall", "electrocut", "accident")) {
            words.putIfAbsent(w, CauseOfDeath.ACCIDENTAL_DEATH);
        }
        for (String w : List.of("unknown", "undetermined", "skeletal", "mixed", "other")) {
            words.put(w, CauseOfDeath.MIXED_OR_UNKNOWN);
        }
        return words;
    }
}
