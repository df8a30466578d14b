package org.travesia.platform.testapp;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record TakeSteps(@TargetAggregateIdentifier String walkerId, int steps) {
}
