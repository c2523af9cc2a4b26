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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
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

    /** The metadata key naming the chain version of an event; absent means version 1. */
    public static final String VERSION_KEY = "chain";

    /** The chain version the command side writes now. */
    public static final int CURRENT_VERSION = 2;

    /** Instants as the chain and the log write them: UTC, always six fraction digits (microseconds). */
    private static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

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

    /**
     * What version 2 of the chain covers besides the link (docs/integrity.md): the event's id,
     * its commitment, its version (sequence number + 1) and when it was recorded, so that a
     * {@code knownAt} answer is as tamper-evident as the payload.
     */
    public record Identity(String eventId, String commitmentId, long version, Instant recordedAt) {
    }

    /** The hash of an event of chain version {@code chainVersion} (1 or 2); identity is ignored for version 1. */
    public static String hash(int chainVersion, String previousHash, Identity identity, Link link) {
        return switch (chainVersion) {
            case 1 -> hash(previousHash, link);
            case 2 -> hashV2(previousHash, identity, link);
            default -> throw new IllegalArgumentException("unknown chain version " + chainVersion);
        };
    }

    /** Version 2: see docs/integrity.md for the exact bytes. */
    public static String hashV2(String previousHash, Identity identity, Link link) {
        return sha256(textV2(previousHash, identity, link));
    }

    /** The exact text hashed by version 2, before its UTF-8 encoding. */
    public static String textV2(String previousHash, Identity identity, Link link) {
        return textV2(previousHash, identity, link.eventType(), link.revision(), link.occurredOn(), link.actor(),
                canonicalJson(link.payload()));
    }

    /**
     * Version 2 of an event record about to be appended, whose payload the caller has already
     * made canonical ({@link #canonicalPayload}): the command side canonicalises each new event
     * once, for this hash and for the fingerprint its decisions compare.
     */
    public static String hashV2(String previousHash, Identity identity, CommitmentEvent event, String actor,
                                String canonicalPayload) {
        Revision revision = event.getClass().getAnnotation(Revision.class);
        return sha256(textV2(previousHash, identity, event.getClass().getSimpleName(),
                revision == null ? null : revision.value(), event.occurredOn(), actor, canonicalPayload));
    }

    private static String textV2(String previousHash, Identity identity, String eventType, String revision,
                                 LocalDate occurredOn, String actor, String canonicalPayload) {
        return String.join("\n",
                "chain 2",
                previousHash,
                identity.eventId(),
                identity.commitmentId(),
                Long.toString(identity.version()),
                instant(identity.recordedAt()),
                eventType,
                revision,
                String.valueOf(occurredOn),
                String.valueOf(actor),
                canonicalPayload);
    }

    /** The canonical JSON of an event record's payload: {@link #canonicalJson(JsonNode)} of {@link Link#of}'s. */
    public static String canonicalPayload(CommitmentEvent event) {
        return canonicalJson(MAPPER.valueToTree(event));
    }

    /** An instant as the chain and the log write it, e.g. {@code 2021-06-08T14:03:07.120500Z}. */
    public static String instant(Instant instant) {
        return INSTANT.format(instant);
    }

    /** The chain version named in an event's metadata: 1 when absent. */
    public static int version(JsonNode metaData) {
        JsonNode value = metaData == null ? null : metaData.get(VERSION_KEY);
        return value == null || value.isNull() ? 1 : value.asInt();
    }

    /** Version 1: see docs/integrity.md. */
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
        // digest() resets the digest for the next text
        return HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One digest per thread: looking one up among the security providers for every hash cost CPU. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    });
}
