package org.travesia.kernel.taxonomy;

import org.travesia.kernel.common.Label;

/** Who is alleged to be responsible. A category, never a name. */
public enum PerpetratorCategory implements Labelled {
    CRIMINAL_GROUP("Criminal group", "Grupo criminal"),
    STATE_SECURITY_FORCES("State security forces", "Fuerzas de seguridad del Estado"),
    MIGRATION_AUTHORITY("Migration authority", "Autoridad migratoria"),
    SMUGGLER("Smuggler", "Traficante de migrantes"),
    PRIVATE_INDIVIDUAL("Private individual", "Particular"),
    OTHER("Other", "Otro"),
    UNKNOWN("Unknown", "Desconocido");

    private final Label label;

    PerpetratorCategory(String en, String es) {
        this.label = new Label(en, es);
    }

    @Override
    public Label label() {
        return label;
    }
}
