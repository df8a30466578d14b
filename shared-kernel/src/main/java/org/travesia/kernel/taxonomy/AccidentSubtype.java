package org.travesia.kernel.taxonomy;

import org.travesia.kernel.common.Label;

/** The kind of accident; only meaningful with {@link IncidentType#ACCIDENT}. */
public enum AccidentSubtype implements Labelled {
    DROWNING("Drowning", "Ahogamiento"),
    VEHICLE("Vehicle", "Vehículo"),
    TRAIN("Train", "Tren"),
    FALL("Fall", "Caída");

    private final Label label;

    AccidentSubtype(String en, String es) {
        this.label = new Label(en, es);
    }

    @Override
    public Label label() {
        return label;
    }
}
