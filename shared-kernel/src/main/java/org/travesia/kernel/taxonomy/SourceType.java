package org.travesia.kernel.taxonomy;

import org.travesia.kernel.common.Label;

/** Where a report's information comes from. */
public enum SourceType implements Labelled {
    DIRECT_TESTIMONY("Direct testimony", "Testimonio directo"),
    MONITOR_OBSERVATION("Monitor observation", "Observación del monitor"),
    PARTNER_ORGANISATION("Partner organisation", "Organización socia"),
    MEDIA("Media", "Medios de comunicación"),
    OFFICIAL("Official source", "Fuente oficial");

    private final Label label;

    SourceType(String en, String es) {
        this.label = new Label(en, es);
    }

    @Override
    public Label label() {
        return label;
    }
}
