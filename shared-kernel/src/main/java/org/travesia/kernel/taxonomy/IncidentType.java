package org.travesia.kernel.taxonomy;

import org.travesia.kernel.common.Label;

/**
 * What happened. Wider than the Missing Migrants Project's scope on purpose: protection monitoring also covers
 * detention, expulsion and denial of asylum, which MMP excludes.
 */
public enum IncidentType implements Labelled {
    DEATH("Death", "Muerte"),
    DISAPPEARANCE("Disappearance", "Desaparición"),
    PHYSICAL_VIOLENCE("Physical violence", "Violencia física"),
    SEXUAL_AND_GENDER_BASED_VIOLENCE("Sexual and gender-based violence", "Violencia sexual y de género"),
    KIDNAPPING("Kidnapping", "Secuestro"),
    EXTORTION("Extortion", "Extorsión"),
    ROBBERY("Robbery", "Robo"),
    HUMAN_TRAFFICKING("Human trafficking", "Trata de personas"),
    ABUSE_BY_SMUGGLERS("Abuse by smugglers", "Abuso por parte de traficantes de migrantes"),
    PUSHBACK_OR_EXPULSION("Pushback or expulsion", "Devolución en caliente o expulsión"),
    ARBITRARY_DETENTION("Arbitrary detention", "Detención arbitraria"),
    FAMILY_SEPARATION("Family separation", "Separación familiar"),
    DENIAL_OF_ACCESS_TO_ASYLUM("Denial of access to asylum", "Negación del acceso al asilo"),
    DENIAL_OF_HUMANITARIAN_ASSISTANCE("Denial of humanitarian assistance", "Negación de asistencia humanitaria"),
    THREAT_OR_INTIMIDATION("Threat or intimidation", "Amenaza o intimidación"),
    DISCRIMINATION_OR_XENOPHOBIA("Discrimination or xenophobia", "Discriminación o xenofobia"),
    ACCIDENT("Accident", "Accidente"),
    ENVIRONMENTAL_EXPOSURE("Environmental exposure", "Exposición a condiciones ambientales");

    private final Label label;

    IncidentType(String en, String es) {
        this.label = new Label(en, es);
    }

    @Override
    public Label label() {
        return label;
    }
}
