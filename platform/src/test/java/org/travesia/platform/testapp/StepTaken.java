package org.travesia.platform.testapp;

import org.travesia.kernel.contract.EventType;

@EventType(name = "walker.stepped", revision = 1)
public record StepTaken(String walkerId, long step) {
}
