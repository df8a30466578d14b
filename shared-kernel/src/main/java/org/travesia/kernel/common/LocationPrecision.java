package org.travesia.kernel.common;

/** How far the true place may lie from the recorded coordinates. */
public enum LocationPrecision {
    M_100(new Label("within about 100 m", "a unos 100 m")),
    KM_2(new Label("within about 2 km", "a unos 2 km")),
    KM_15(new Label("within about 15 km", "a unos 15 km")),
    ADMIN(new Label("somewhere in the admin area", "en algún lugar del área administrativa")),
    COUNTRY(new Label("somewhere in the country", "en algún lugar del país"));

    private final Label label;

    LocationPrecision(Label label) {
        this.label = label;
    }

    public Label label() {
        return label;
    }
}
