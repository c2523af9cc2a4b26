package org.commitmenttracker.events.samples;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.events.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored JSON of each event type's current revision, kept under
 * {@code event-samples/<Type>/<revision>.json}, is read by today's record: a renamed, removed or
 * added field fails here until its revision is raised and an upcaster written.
 */
class EventSamplesTest {

    /** As strict as a contract test must be: an unknown field or a missing one is an error. */
    static final ObjectMapper STRICT = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    static List<Class<? extends CommitmentEvent>> everyType() {
        return EventTypes.ALL;
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void theCurrentRevisionsSampleHasEveryFieldOfTheRecord(Class<? extends CommitmentEvent> type) {
        JsonNode sample = sample(EventTypes.name(type), EventTypes.revision(type));

        for (RecordComponent component : type.getRecordComponents()) {
            assertThat(sample.has(component.getName()))
                    .as("%s revision %s stores %s", EventTypes.name(type), EventTypes.revision(type),
                            component.getName())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void theCurrentRevisionsSampleIsReadByTodaysRecordWithEveryRequiredFieldSet(Class<? extends CommitmentEvent> type)
            throws Exception {
        CommitmentEvent event = STRICT.treeToValue(sample(EventTypes.name(type), EventTypes.revision(type)), type);

        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getAnnotation(Nullable.class) == null) {
                assertThat(component.getAccessor().invoke(event)).as(component.getName()).isNotNull();
            }
        }
        assertThat(event.occurredOn()).isNotNull();
    }

    @Test
    void aRecordWithARenamedFieldDoesNotReadTheSample() {
        record FundsObligatedRenamed(String commitmentId, String obligationId, Object amount, String obligatedOn,
                                     String partner, String reference) {
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        STRICT.treeToValue(sample("FundsObligated", "2"), FundsObligatedRenamed.class))
                .hasMessageContaining("implementingPartner");
    }

    static JsonNode sample(String type, String revision) {
        String path = "/event-samples/" + type + "/" + revision + ".json";
        try (InputStream in = EventSamplesTest.class.getResourceAsStream(path)) {
            assertThat(in).as("the stored sample %s", path).isNotNull();
            return STRICT.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
