package org.travesia.kernel.incident;

import org.axonframework.serialization.Revision;

/** A corroborating source was attached; the report's effective source quality follows {@link Corroboration}. */
@Revision("1")
public record SourceAttached(String incidentId, Source source) {
}
