package org.commitmenttracker.query.feed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code query.feed_event} table. Positions are given by the feed processor alone, one
 * batch after another, so a reader that has seen position P and asks for what follows it
 * misses nothing.
 */
@Repository
public class Feed {

    private final JdbcClient jdbc;

    public Feed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} events after {@code after}, in position order, that pass the filter. */
    public List<FeedEvent> after(long after, int limit, FeedFilter filter) {
        return after(after, Long.MAX_VALUE, limit, filter);
    }

    /** As {@link #after(long, int, FeedFilter)}, but no further than {@code upTo}. */
    public List<FeedEvent> after(long after, long upTo, int limit, FeedFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT position, event_id, commitment_id, sequence, type, revision, recorded_at, data, occurred_on
                FROM query.feed_event WHERE position > :after AND position <= :upTo""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("after", after);
        params.put("upTo", upTo);
        if (!filter.types().isEmpty()) {
            sql.append(" AND type IN (:types)");
            params.put("types", List.copyOf(filter.types()));
        }
        if (filter.commitmentId() != null) {
            sql.append(" AND commitment_id = :commitmentId");
            params.put("commitmentId", filter.commitmentId());
        }
        sql.append(" ORDER BY position LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> read(rs)).list();
    }

    /** Those of the events that the feed holds, by event id. */
    public Map<String, FeedEvent> byEventIds(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        Map<String, FeedEvent> found = new HashMap<>();
        jdbc.sql("""
                        SELECT position, event_id, commitment_id, sequence, type, revision, recorded_at, data, occurred_on
                        FROM query.feed_event WHERE event_id IN (:eventIds)""")
                .param("eventIds", List.copyOf(eventIds))
                .query((rs, row) -> read(rs))
                .list()
                .forEach(event -> found.put(event.eventId(), event));
        return found;
    }

    /** The last position given, 0 while the feed is empty. */
    public long head() {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM query.feed_event").query(Long.class).single();
    }

    /**
     * Appends an event at the next position, unless the feed has it already. Runs inside the
     * feed processor's transaction, beside its token, and only one processor segment exists: so
     * max + 1 is free, and a rollback leaves no hole (a sequence would).
     *
     * @return the event's position, or 0 when the feed had it already
     */
    long append(String eventId, String commitmentId, long sequence, String type, String revision,
                Instant recordedAt, String data, LocalDate occurredOn) {
        return jdbc.sql("""
                        INSERT INTO query.feed_event (position, event_id, commitment_id, sequence, type, revision,
                            recorded_at, data, occurred_on)
                        SELECT COALESCE(MAX(position), 0) + 1, :eventId, :commitmentId, :sequence, :type, :revision,
                            :recordedAt, :data, CAST(:occurredOn AS DATE)
                        FROM query.feed_event
                        ON CONFLICT (event_id) DO NOTHING
                        RETURNING position""")
                .param("eventId", eventId)
                .param("commitmentId", commitmentId)
                .param("sequence", sequence)
                .param("type", type)
                .param("revision", revision)
                .param("recordedAt", Timestamp.from(recordedAt))
                .param("data", data)
                .param("occurredOn", occurredOn)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    private static FeedEvent read(ResultSet rs) throws SQLException {
        return new FeedEvent(rs.getLong("position"), rs.getString("event_id"), rs.getString("commitment_id"),
                rs.getLong("sequence"), rs.getString("type"), rs.getString("revision"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("data"),
                rs.getObject("occurred_on", LocalDate.class));
    }
}
