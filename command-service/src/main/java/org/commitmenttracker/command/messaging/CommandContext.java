package org.commitmenttracker.command.messaging;

import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * What a request says about a command besides its body: who sends it (from authentication,
 * never from the body), the correlation id, the idempotency key, the version the caller
 * expects (If-Match) and the request target ({@code POST /api/...}) that an idempotency key
 * is bound to. All but the target travel as command metadata.
 */
public record CommandContext(String actor, String correlationId, String idempotencyKey, Long expectedVersion,
                             String requestTarget) {

    /** A command the system sends itself, such as an import of the bundled fact sheet. */
    public static CommandContext system(String actor, String correlationId) {
        return new CommandContext(actor, correlationId, null, null, null);
    }

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String EXPECTED_VERSION = "expectedVersion";

    public MetaData metaData() {
        Map<String, Object> values = new HashMap<>();
        values.put(ACTOR, actor);
        values.put(CORRELATION_ID, correlationId);
        if (idempotencyKey != null) {
            values.put(IDEMPOTENCY_KEY, idempotencyKey);
        }
        if (expectedVersion != null) {
            values.put(EXPECTED_VERSION, expectedVersion);
        }
        return MetaData.from(values);
    }
}
