package org.commitmenttracker.service.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How request bodies are read (api.md): one JSON value and nothing after it, each key once,
 * dates as the string {@code "YYYY-MM-DD"} with a year from 1900 to 9999, and text made of
 * whole characters. Jackson's own features refuse duplicates and trailing content; the small
 * deserializers below cover what Jackson has no setting for.
 * <p>
 * It applies to HTTP bodies only, on a copy of the shared mapper: Axon's event serializer
 * keeps the shared one, so events recorded before these rules stay readable.
 */
public final class StrictJson {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    private StrictJson() {
    }

    /** A copy of the application's mapper with the rules above; {@code shared} itself is unchanged. */
    public static ObjectMapper forRequests(ObjectMapper shared) {
        ObjectMapper strict = shared.copy();
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        strict.registerModule(new SimpleModule("strict-request-json")
                .addDeserializer(LocalDate.class, new Dates())
                .addDeserializer(String.class, new WholeText())
                .addKeyDeserializer(String.class, new WholeTextKeys())
                .addDeserializer(JsonNode.class, new WholeTree<>(JsonNode.class))
                .addDeserializer(ObjectNode.class, new WholeTree<>(ObjectNode.class))
                .addDeserializer(ArrayNode.class, new WholeTree<>(ArrayNode.class)));
        return strict;
    }

    /** A value the rules refuse, with a message a client can act on (no class names). */
    public static final class Refused extends MismatchedInputException {

        Refused(JsonParser parser, Class<?> type, String message) {
            super(parser, message, type);
        }
    }

    /**
     * Only a JSON string of exactly {@code YYYY-MM-DD} in the ISO calendar: Jackson would also take
     * {@code [2021,6,8]}, and {@code LocalDate} years such as 0000, -999999999 or +10000.
     */
    static final class Dates extends StdScalarDeserializer<LocalDate> {

        private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING) || !SHAPE.matcher(parser.getText()).matches()) {
                throw new Refused(parser, LocalDate.class, "must be a date written as a string \"YYYY-MM-DD\"");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(parser.getText());
            } catch (DateTimeParseException e) {
                throw new Refused(parser, LocalDate.class, "is not a day of the calendar");
            }
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                throw new Refused(parser, LocalDate.class, "must be a date from 1900-01-01 to 9999-12-31");
            }
            return date;
        }
    }

    /** Text with a lone UTF-16 surrogate (escaped as {@code \ud800} or sent raw) is half a character. */
    static final class WholeText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && hasLoneSurrogate(text)) {
                throw new Refused(parser, String.class, LONE_SURROGATE);
            }
            return text;
        }
    }

    static final class WholeTextKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (hasLoneSurrogate(key)) {
                throw new Refused(context.getParser(), String.class,
                        "has a key with a lone UTF-16 surrogate (half of a character)");
            }
            return key;
        }
    }

    /** A free-form tree holds text too (Jackson builds it without the text deserializer above). */
    static final class WholeTree<T extends JsonNode> extends StdDeserializer<T> {

        private final JsonDeserializer<? extends JsonNode> plain;

        WholeTree(Class<T> type) {
            super(type);
            this.plain = JsonNodeDeserializer.getDeserializer(type);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = plain.deserialize(parser, context);
            if (hasLoneSurrogate(tree)) {
                throw new Refused(parser, handledType(), LONE_SURROGATE);
            }
            return (T) tree;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getNullValue(DeserializationContext context) throws JsonMappingException {
            return (T) plain.getNullValue(context);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) throws JsonMappingException {
            return plain.getAbsentValue(context);
        }

        private static boolean hasLoneSurrogate(JsonNode node) {
            if (node.isTextual()) {
                return StrictJson.hasLoneSurrogate(node.textValue());
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    if (StrictJson.hasLoneSurrogate(property.getKey()) || hasLoneSurrogate(property.getValue())) {
                        return true;
                    }
                }
            } else if (node.isArray()) {
                for (JsonNode item : node) {
                    if (hasLoneSurrogate(item)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static final String LONE_SURROGATE = "must not contain a lone UTF-16 surrogate (half of a character)";

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
