package org.travesia.kernel.taxonomy;

import org.travesia.kernel.common.Label;

/** The Missing Migrants Project's seven cause-of-death categories. A death may carry several. */
public enum CauseOfDeath implements Labelled {
    DROWNING("Drowning", "Ahogamiento", "Drowning"),
    HARSH_ENVIRONMENTAL_CONDITIONS("Harsh environmental conditions / lack of adequate shelter, food, water",
            "Condiciones ambientales adversas / falta de refugio, alimento o agua adecuados",
            "Harsh environmental conditions / lack of adequate shelter, food, water"),
    VEHICLE_ACCIDENT("Vehicle accident / death linked to hazardous transport",
            "Accidente vehicular / muerte ligada a transporte peligroso",
            "Vehicle accident / death linked to hazardous transport"),
    VIOLENCE("Violence", "Violencia", "Violence"),
    SICKNESS("Sickness / lack of access to adequate healthcare",
            "Enfermedad / falta de acceso a atención médica adecuada",
            "Sickness / lack of access to adequate healthcare"),
    ACCIDENTAL_DEATH("Accidental death", "Muerte accidental", "Accidental death"),
    MIXED_OR_UNKNOWN("Mixed or unknown", "Mixta o desconocida", "Mixed or unknown");

    private final Label label;
    private final String mmpName;

    CauseOfDeath(String en, String es, String mmpName) {
        this.label = new Label(en, es);
        this.mmpName = mmpName;
    }

    @Override
    public Label label() {
        return label;
    }

    /** The category's exact wording in MMP data files. */
    public String mmpName() {
        return mmpName;
    }
}
