package org.travesia.kernel.common;

/** How precisely the moment of an incident is known. */
public enum TimePrecision {
    EXACT(new Label("exact time", "hora exacta")),
    DAY(new Label("day", "día")),
    WEEK(new Label("week", "semana")),
    MONTH(new Label("month", "mes"));

    private final Label label;

    TimePrecision(Label label) {
        this.label = label;
    }

    public Label label() {
        return label;
    }
}
