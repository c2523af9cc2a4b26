package org.commitmenttracker.command.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Optional;

/** The {@code command.idempotency_key} table: per caller and key, the request's hash and the first answer. */
@Repository
class IdempotencyKeys {

    /** The first answer to a key; {@code status} and {@code location} are null for answers stored before V15. */
    record Earlier(String requestHash, Integer status, String location, CommandResult result) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    IdempotencyKeys(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /**
     * Takes the key for the rest of the current transaction and answers what an earlier request
     * with it stored. A second request with the same key waits here until the first commits (and
     * then finds its answer) or rolls back (and then runs itself); the lock ends with the
     * transaction, so a crash leaves no key blocked. Waiting longer than {@code patience} fails.
     */
    Optional<Earlier> claim(String actor, String key, Duration patience) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an idempotency key is claimed inside the command's transaction");
        }
        jdbc.sql("SELECT set_config('lock_timeout', ?, true)").param(patience.toMillis() + "ms").query(String.class).single();
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 0))) AS claimed")
                .param(actor + "\n" + key).query(Integer.class).single();
        return find(actor, key);
    }

    Optional<Earlier> find(String actor, String key) {
        return jdbc.sql("SELECT request_hash, status, location, response FROM command.idempotency_key "
                        + "WHERE actor = ? AND idempotency_key = ?")
                .params(actor, key)
                .query((rs, row) -> new Earlier(rs.getString(1), (Integer) rs.getObject(2, Integer.class),
                        rs.getString(3), read(rs.getString(4))))
                .optional();
    }

    /** Runs inside the command's transaction, which holds the key's claim. */
    void remember(String actor, String key, String requestHash, CommandAnswer answer) {
        jdbc.sql("INSERT INTO command.idempotency_key (actor, idempotency_key, request_hash, status, location, response) "
                        + "VALUES (?, ?, ?, ?, ?, CAST(? AS JSONB))")
                .params(actor, key, requestHash, answer.status(), answer.location(), write(answer.result()))
                .update();
    }

    private CommandResult read(String json) {
        try {
            return objectMapper.readValue(json, CommandResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored answer", e);
        }
    }

    private String write(CommandResult result) {
        try {
            return objectMapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
