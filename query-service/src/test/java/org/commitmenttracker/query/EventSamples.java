package org.commitmenttracker.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.EventTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The stored JSON sample of each event type's current revision (shared-events' contract tests keep them). */
public final class EventSamples {

    private static final Path SAMPLES = Path.of("..", "shared-events", "src", "test", "resources", "event-samples");
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private EventSamples() {
    }

    public static CommitmentEvent of(Class<? extends CommitmentEvent> type) {
        Path sample = SAMPLES.resolve(EventTypes.name(type)).resolve(EventTypes.revision(type) + ".json");
        try {
            return JSON.readValue(sample.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("no readable sample " + sample, e);
        }
    }
}
