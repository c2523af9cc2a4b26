package org.commitmenttracker.events.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.EventJsonTest;
import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each published schema accepts the events the domain produces, and refuses what is not their shape. */
class EventSchemasTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    /** The command service leaves nulls out of stored JSON; the feed writes them: both must validate. */
    private static final ObjectMapper STORED = mapper(JsonInclude.Include.NON_NULL);
    private static final ObjectMapper WITH_NULLS = mapper(JsonInclude.Include.ALWAYS);

    static List<CommitmentEvent> everyEvent() {
        return EventJsonTest.everyEvent();
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventValidatesAgainstItsSchema(CommitmentEvent event) {
        Schema schema = schemaOf(event.getClass());

        assertThat(schema.validate(STORED.valueToTree(event))).isEmpty();
        assertThat(schema.validate(WITH_NULLS.valueToTree(event))).isEmpty();
    }

    @Test
    void everyEventTypeHasASchemaOfDraft2020WithARevision() {
        assertThat(EventTypes.ALL).containsExactlyInAnyOrderElementsOf(
                everyEvent().stream().<Class<? extends CommitmentEvent>>map(CommitmentEvent::getClass).toList());
        for (Class<? extends CommitmentEvent> type : EventTypes.ALL) {
            ObjectNode schema = EventSchemas.of(type);
            assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.get("required")).extracting(JsonNode::asText).contains("commitmentId");
            assertThat(EventTypes.revision(type)).matches("[1-9][0-9]*");
        }
    }

    @Test
    void moneyIsAStringDecimalWithACurrencyAndDatesAreDates() {
        Schema schema = schemaOf(FundsDisbursed.class);
        ObjectNode disbursed = STORED.valueToTree(everyEvent().stream().filter(FundsDisbursed.class::isInstance)
                .findFirst().orElseThrow());

        ObjectNode floating = disbursed.deepCopy();
        ((ObjectNode) floating.get("amount")).put("value", 10000000.0);
        ObjectNode badDate = disbursed.deepCopy().put("disbursedOn", "15/11/2021");
        ObjectNode noCurrency = disbursed.deepCopy();
        ((ObjectNode) noCurrency.get("amount")).remove("currency");
        ObjectNode extra = disbursed.deepCopy().put("secret", "x");

        assertThat(schema.validate(floating)).extracting(Error::getInstanceLocation).hasSize(1);
        assertThat(schema.validate(badDate)).isNotEmpty();
        assertThat(schema.validate(noCurrency)).isNotEmpty();
        assertThat(schema.validate(extra)).isNotEmpty();
    }

    @Test
    void optionalFieldsMayBeNullButRequiredOnesMayNot() {
        Schema schema = schemaOf(IndicatorDefined.class);
        ObjectNode indicator = WITH_NULLS.valueToTree(everyEvent().stream().filter(IndicatorDefined.class::isInstance)
                .findFirst().orElseThrow());

        assertThat(indicator.get("targetDate").isNull()).isTrue();
        assertThat(schema.validate(indicator)).isEmpty();
        assertThat(schema.validate(indicator.deepCopy().putNull("name"))).isNotEmpty();
        ObjectNode withoutTarget = indicator.deepCopy();
        withoutTarget.remove("target");
        assertThat(schema.validate(withoutTarget)).isNotEmpty();
        assertThat(schema.validate(indicator.deepCopy().put("target", 82000))).isNotEmpty();
    }

    /**
     * Every revision ever stored has a published schema, and its stored sample validates against
     * it: the current one generated, a superseded one as kept ({@code event-schemas/}); a revision
     * raised without keeping the old schema fails here.
     */
    @ParameterizedTest
    @MethodSource("storedSamples")
    void everyStoredRevisionsSampleValidatesAgainstTheSchemaPublishedForThatRevision(String type, String revision)
            throws Exception {
        Class<? extends CommitmentEvent> current = EventTypes.ALL.stream()
                .filter(t -> EventTypes.name(t).equals(type)).findFirst().orElseThrow();
        boolean isCurrent = EventTypes.revision(current).equals(revision);
        ObjectNode published = isCurrent ? EventSchemas.of(current) : EventSchemas.superseded(type, revision)
                .orElseThrow(() -> new AssertionError(type + " revision " + revision + " has no published schema"));

        assertThat(EventSchemas.superseded(type, revision)).as("a current revision is generated, never kept")
                .matches(kept -> kept.isPresent() != isCurrent);
        assertThat(published.get("title").asText()).isEqualTo(type + " (revision " + revision + ")");
        JsonNode sample = STORED.readTree(EventSchemasTest.class.getResourceAsStream(
                "/event-samples/" + type + "/" + revision + ".json"));
        assertThat(REGISTRY.getSchema(published).validate(sample)).isEmpty();
    }

    static Stream<Arguments> storedSamples() throws Exception {
        Path samples = Path.of(EventSchemasTest.class.getResource("/event-samples").toURI());
        try (Stream<Path> files = Files.walk(samples)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> Arguments.of(file.getParent().getFileName().toString(),
                            file.getFileName().toString().replace(".json", "")))
                    .toList().stream();
        }
    }

    private static Schema schemaOf(Class<?> type) {
        return REGISTRY.getSchema(EventSchemas.of(type));
    }

    private static ObjectMapper mapper(JsonInclude.Include inclusion) {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(inclusion).build();
    }
}
