package org.commitmenttracker.events.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * The hash chain of a commitment's stream (domain.md, "Integrity chain"). The command side
 * computes it from the event records; an auditor recomputes it from the stored JSON. Both go
 * through {@link #canonicalJson(JsonNode)}, so the two always agree on the bytes hashed.
 */
public final class IntegrityChain {

    /** The {@code previousHash} of the first event of every stream. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private IntegrityChain() {
    }

    /** One link of the chain: what the hash of one event covers besides the previous hash. */
    public record Link(String eventType, String revision, LocalDate occurredOn, String actor, JsonNode payload) {

        /** The link of an event record about to be appended. */
        public static Link of(CommitmentEvent event, String actor) {
            Revision revision = event.getClass().getAnnotation(Revision.class);
            return new Link(event.getClass().getSimpleName(), revision == null ? null : revision.value(),
                    event.occurredOn(), actor, MAPPER.valueToTree(event));
        }
    }

    public static String hash(String previousHash, Link link) {
        String text = String.join("\n",
                previousHash,
                link.eventType(),
                link.revision(),
                String.valueOf(link.occurredOn()),
                String.valueOf(link.actor()),
                canonicalJson(link.payload()));
        return sha256(text);
    }

    public static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("stored payload is not JSON", e);
        }
    }

    /**
     * Keys sorted, no whitespace, decimals as plain strings, and members whose value is null
     * left out (a serializer may write or omit them; the fact is the same).
     */
    public static String canonicalJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode value = node.get(name);
                if (!value.isNull()) {
                    fields.put(name, sorted(value));
                }
            }
            ObjectNode result = MAPPER.createObjectNode();
            fields.forEach(result::set);
            return result;
        }
        if (node.isArray()) {
            var result = MAPPER.createArrayNode();
            node.forEach(element -> result.add(sorted(element)));
            return result;
        }
        if (node.isNumber()) {
            return MAPPER.getNodeFactory().textNode(node.decimalValue().toPlainString());
        }
        return node;
    }

    /** The SHA-256 of a text's UTF-8 bytes, as 64 hex digits. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
