package org.commitmenttracker.events.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomPropertyDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.events.Nullable;
import org.commitmenttracker.events.value.Money;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * JSON Schema (2020-12) of each event revision, generated from the event records themselves, so
 * a schema can never drift from what is stored. The shape is that of the stored JSON: money
 * values and other decimals are strings (never binary floating point), dates are
 * {@code format: date}, fields marked {@link Nullable} may be null or absent, all others are
 * required, and no other property appears.
 */
public final class EventSchemas {

    /** How every decimal is written: a plain or scientific decimal string, e.g. "1250000.00". */
    static final String DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$";

    /** Money is written with exactly two fraction digits, in an ISO 4217 currency. */
    static final String MONEY_PATTERN = "^-?[0-9]+\\.[0-9]{2}$";
    static final String CURRENCY_PATTERN = "^[A-Z]{3}$";

    private static final SchemaGenerator GENERATOR = generator();
    private static final ObjectMapper PUBLISHED = new ObjectMapper();

    private EventSchemas() {
    }

    /**
     * The schema of a revision that a newer one superseded, as it was published: kept in
     * {@code event-schemas/<type>/<revision>.json}, since stored events of that revision stay
     * readable and integrators may still hold them. Empty for a current or unknown revision.
     */
    public static Optional<ObjectNode> superseded(String type, String revision) {
        if (!type.matches("[A-Za-z]+") || !revision.matches("[0-9]+")) {
            return Optional.empty();
        }
        try (InputStream json = EventSchemas.class.getResourceAsStream(
                "/event-schemas/" + type + "/" + revision + ".json")) {
            return json == null ? Optional.empty() : Optional.of((ObjectNode) PUBLISHED.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the published schema of " + type + " " + revision, e);
        }
    }

    /** The schema of the current revision of an event type. */
    public static ObjectNode of(Class<?> eventType) {
        ObjectNode schema = GENERATOR.generateSchema(eventType);
        schema.put("title", EventTypes.name(eventType) + " (revision " + EventTypes.revision(eventType) + ")");
        return schema;
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
        config.forFields()
                .withRequiredCheck(field -> field.getAnnotation(Nullable.class) == null)
                .withNullableCheck(field -> field.getAnnotation(Nullable.class) != null)
                .withCustomDefinitionProvider((field, context) -> {
                    if (field.getDeclaringType().getErasedType() != Money.class) {
                        return null;
                    }
                    String pattern = field.getName().equals("currency") ? CURRENCY_PATTERN : MONEY_PATTERN;
                    return new CustomPropertyDefinition(context.getGeneratorConfig().createObjectNode()
                            .put("type", "string").put("pattern", pattern));
                });
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            if (type.isInstanceOf(BigDecimal.class)) {
                ObjectNode decimal = context.getGeneratorConfig().createObjectNode()
                        .put("type", "string")
                        .put("pattern", DECIMAL_PATTERN);
                return new CustomDefinition(decimal, CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.YES);
            }
            if (type.isInstanceOf(LocalDate.class)) {
                ObjectNode date = context.getGeneratorConfig().createObjectNode()
                        .put("type", "string")
                        .put("format", "date");
                return new CustomDefinition(date, CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.YES);
            }
            return null;
        });
        return new SchemaGenerator(config.build());
    }
}
