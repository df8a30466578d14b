package org.travesia.platform.axon.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code incident.amended} revision 1 to 2. Revision 1 held the whole of the facts after a correction under
 * {@code details}; revision 2 holds, under {@code changes}, only the fields named in {@code changedFields}.
 */
final class IncidentAmendedToDelta extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType("incident.amended", "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType("incident.amended", "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, IncidentAmendedToDelta::onlyWhatChanged);
    }

    static JsonNode onlyWhatChanged(JsonNode revision1) {
        JsonNode details = revision1.path("details");
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        for (JsonNode field : revision1.path("changedFields")) {
            changes.set(field.asText(), details.path(field.asText()).isMissingNode()
                    ? JsonNodeFactory.instance.nullNode() : details.get(field.asText()));
        }
        ObjectNode revision2 = JsonNodeFactory.instance.objectNode();
        revision2.set("incidentId", revision1.get("incidentId"));
        revision2.set("changes", changes);
        revision2.set("changedFields", revision1.get("changedFields"));
        revision2.set("reason", revision1.get("reason"));
        return revision2;
    }
}
