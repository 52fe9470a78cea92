package org.homelink.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * An event that gained a field from one revision to the next: events stored at the earlier revision read with the
 * field as null. For a field that events of the earlier revision cannot know, such as the family an event is about
 * when an event that was about a family only through its stream now names it. A service declares one as a bean per
 * change; Axon applies every upcaster bean on every read.
 */
public class FieldAdded extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final String field;

    public FieldAdded(Class<?> eventType, String fromRevision, String toRevision, String field) {
        this.from = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.to = new SimpleSerializedType(eventType.getName(), toRevision);
        this.field = field;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode event && !event.has(field)) {
                event.putNull(field);
            }
            return payload;
        });
    }
}
