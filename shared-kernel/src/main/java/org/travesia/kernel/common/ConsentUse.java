package org.travesia.kernel.common;

/** What a person agreed their information may be used for. */
public enum ConsentUse {
    PROTECTION,
    FAMILY_TRACING,
    ADVOCACY_AGGREGATED,
    ADVOCACY_CASE,
    LITIGATION,
    RESEARCH
}
