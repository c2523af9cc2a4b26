package org.commitmenttracker.command.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The {@code command.idempotency_key} table: per caller and key, the request's hash and the first answer. */
@Repository
class IdempotencyKeys {

    record Earlier(String requestHash, CommandResult result) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    IdempotencyKeys(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    Optional<Earlier> find(String actor, String key) {
        return jdbc.sql("SELECT request_hash, response FROM command.idempotency_key WHERE actor = ? AND idempotency_key = ?")
                .params(actor, key)
                .query((rs, row) -> new Earlier(rs.getString(1), read(rs.getString(2))))
                .optional();
    }

    /** Runs inside the command's transaction; a concurrent request with the same key makes it fail. */
    void remember(String actor, String key, String requestHash, CommandResult result) {
        jdbc.sql("INSERT INTO command.idempotency_key (actor, idempotency_key, request_hash, response) "
                        + "VALUES (?, ?, ?, CAST(? AS JSONB))")
                .params(actor, key, requestHash, write(result))
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
