package org.travesia.kernel.incident;

import java.util.List;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/**
 * A report was corrected: only what changed, and why. {@code changedFields} names the top-level fields of
 * {@link IncidentFacts} that changed; {@code changes} holds their new values (an object, such as {@code place}, in
 * full), and null everywhere else. A changed field whose new value is null was set to unknown.
 * <p>
 * Revision 1 held the whole of the facts after the correction, under {@code details}; its upcaster keeps only the
 * changed fields.
 */
@EventType(name = "incident.amended", revision = 2)
public record IncidentAmended(@DataSubject String incidentId, IncidentFacts changes, List<String> changedFields,
                              @PersonalData String reason) {
}
