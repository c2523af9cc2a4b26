package org.commitmenttracker.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * One step of one event type from a revision to the next, where the new revision only added
 * fields: the older stored JSON gets them with the values {@code fill} gives (null where the
 * older event could not know them).
 */
final class AddedFields extends SingleEventUpcaster {

    private final String type;
    private final String fromRevision;
    private final String toRevision;
    private final BiConsumer<ObjectNode, IntermediateEventRepresentation> fill;

    AddedFields(Class<?> type, String fromRevision, String toRevision,
                BiConsumer<ObjectNode, IntermediateEventRepresentation> fill) {
        this.type = type.getName();
        this.fromRevision = fromRevision;
        this.toRevision = toRevision;
        this.fill = fill;
    }

    /** The fields, all null: nothing the older revision recorded says what they were. */
    static AddedFields nulls(Class<?> type, String fromRevision, String toRevision, List<String> fields) {
        return new AddedFields(type, fromRevision, toRevision, (json, event) -> fields.forEach(json::putNull));
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getName().equals(type)
                && fromRevision.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(type, toRevision), JsonNode.class, json -> {
            ObjectNode copy = ((ObjectNode) json).deepCopy();
            fill.accept(copy, representation);
            return copy;
        });
    }
}
