package org.travesia.kernel.incident;

import org.axonframework.serialization.Revision;
import org.travesia.kernel.common.SharingLevel;

/** Who may see the report changed. */
@Revision("1")
public record SharingChanged(String incidentId, SharingLevel from, SharingLevel to, String reason) {
}
