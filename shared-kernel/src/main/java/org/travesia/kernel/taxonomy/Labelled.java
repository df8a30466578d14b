package org.travesia.kernel.taxonomy;

import org.travesia.kernel.common.Label;

/** A taxonomy entry: a stable code (the enum name) with English and Spanish labels. */
public interface Labelled {

    String name();

    Label label();
}
