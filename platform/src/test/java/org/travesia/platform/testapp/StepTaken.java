package org.travesia.platform.testapp;

import org.axonframework.serialization.Revision;

@Revision("1")
public record StepTaken(String walkerId, long step) {
}
