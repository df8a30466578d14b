package org.travesia.kernel.taxonomy;

import java.util.List;

import org.travesia.kernel.common.Label;

/** The Missing Migrants Project's 1–5 source quality scale: what each level means. */
public final class SourceQuality {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    public static final List<Label> LEVELS = List.of(
            new Label("A single media source", "Una sola fuente de prensa"),
            new Label("Uncorroborated eyewitness accounts or survey data", "Testimonios no corroborados o datos de encuesta"),
            new Label("Multiple media reports", "Varios reportes de prensa"),
            new Label("At least one NGO, IGO or humanitarian actor with direct knowledge",
                    "Al menos una ONG, organismo internacional o actor humanitario con conocimiento directo"),
            new Label("Official sources, or several humanitarian actors",
                    "Fuentes oficiales, o varios actores humanitarios"));

    private SourceQuality() {
    }

    public static boolean isValid(Integer quality) {
        return quality != null && quality >= LOWEST && quality <= HIGHEST;
    }
}
