package org.travesia.kernel.alert;

/**
 * What the alert evaluator learns from a raise: whether it is new, and which alert it should take as unresolved for
 * the rule and segment: the one it asked for when that is new or was raised before (if since resolved, the evaluator
 * reads that later in the event stream), else the unresolved one that stood in the way.
 */
public record RaiseOutcome(String openAlertId, boolean raised) {
}
