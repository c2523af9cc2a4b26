package org.commitmenttracker.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commitmenttracker.query.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code query.audit_log} table: who read which history, state or integrity, when, with what outcome. */
@Repository
public class AuditLog {

    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    AuditLog(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** One read: {@code endpoint} is the path pattern, e.g. {@code /api/commitments/{id}/state}. */
    public record Entry(long id, Instant at, String actor, String endpoint, String commitmentId,
                        Map<String, String> parameters, int status, String mediaType) {
    }

    public void record(String actor, String endpoint, String commitmentId, Map<String, String> parameters,
                       int status, String mediaType) {
        jdbc.sql("""
                        INSERT INTO query.audit_log (actor, endpoint, commitment_id, parameters, status, media_type)
                        VALUES (?, ?, ?, CAST(? AS JSONB), ?, ?)""")
                .params(actor, endpoint, commitmentId, write(parameters), status, mediaType)
                .update();
    }

    /** Newest first; {@code actor} and {@code commitmentId} filter when not null. */
    public Page<Entry> page(String actor, String commitmentId, int page, int size) {
        String where = " WHERE (CAST(:actor AS TEXT) IS NULL OR actor = :actor)"
                + " AND (CAST(:commitmentId AS TEXT) IS NULL OR commitment_id = :commitmentId)";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("actor", actor);
        params.put("commitmentId", commitmentId);
        long total = jdbc.sql("SELECT count(*) FROM query.audit_log" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Entry> items = jdbc.sql("SELECT id, occurred_at, actor, endpoint, commitment_id, parameters, status, "
                        + "media_type FROM query.audit_log" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, row) -> entry(rs))
                .list();
        return new Page<>(items, page, size, total);
    }

    private Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("endpoint"), rs.getString("commitment_id"),
                read(rs.getString("parameters")), rs.getInt("status"), rs.getString("media_type"));
    }

    private String write(Map<String, String> parameters) {
        try {
            return objectMapper.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit parameters", e);
        }
    }

    private Map<String, String> read(String json) {
        try {
            return objectMapper.readValue(json, PARAMETERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit parameters", e);
        }
    }
}
