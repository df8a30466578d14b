package org.travesia.kernel.alert;

/** What makes an alert rule fire. */
public enum AlertRuleKind {
    /** At least N incidents of the given types, or at least N dead plus missing, within D days. */
    THRESHOLD,
    /** This week's incidents are at least K times the weekly mean of the W weeks before, and at least a minimum. */
    SPIKE
}
