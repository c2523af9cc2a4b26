package org.commitmenttracker.query.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.events.schema.EventSchemas;
import org.commitmenttracker.query.feed.FeedCloudEvents;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schema of every event revision: the current ones generated once from the event records
 * at start, the superseded ones as they were published (domain.md: a schema stays published).
 */
@Component
public class EventSchemaCatalogue {

    /** One published schema: the event name, its revision, where to fetch it, and its CloudEvent type. */
    public record Entry(String type, String revision, String url, String cloudEventType) {
    }

    private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    /** The superseded revisions asked for, read once from the classpath (empty: none such). */
    private final Map<String, Optional<ObjectNode>> superseded = new ConcurrentHashMap<>();
    private final List<Entry> entries;

    EventSchemaCatalogue() {
        for (Class<?> type : EventTypes.ALL) {
            schemas.put(key(EventTypes.name(type), EventTypes.revision(type)), EventSchemas.of(type));
        }
        entries = EventTypes.ALL.stream().map(type -> {
            String name = EventTypes.name(type);
            String revision = EventTypes.revision(type);
            return new Entry(name, revision, "/api/schemas/" + name + "/" + revision,
                    FeedCloudEvents.TYPE_PREFIX + name + ".v" + revision);
        }).toList();
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<ObjectNode> find(String type, String revision) {
        return Optional.ofNullable(schemas.get(key(type, revision))).map(ObjectNode::deepCopy)
                .or(() -> superseded.computeIfAbsent(key(type, revision), key -> EventSchemas.superseded(type, revision))
                        .map(ObjectNode::deepCopy));
    }

    private static String key(String type, String revision) {
        return type + "/" + revision;
    }
}
