package org.commitmenttracker.query.dialogue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commitmenttracker.query.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code query.dialogue}: every dialogue of every commitment. A dialogue occupies its
 * held day once held, else its planned window ({@code starts_on..ends_on}), which is what the
 * calendar's {@code from}/{@code to} select on.
 */
@Repository
public class DialogueCalendar {

    private final JdbcClient jdbc;

    DialogueCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The filters of {@code GET /api/dialogues}; null means "any". */
    public record Filter(LocalDate from, LocalDate to, String status) {
    }

    public Page<CalendarEntry> calendar(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.from() != null) {
            where.append(" AND ends_on >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND starts_on <= :to");
            params.put("to", filter.to());
        }
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.put("status", filter.status());
        }
        long total = jdbc.sql("SELECT count(*) FROM query.dialogue" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<CalendarEntry> items = jdbc.sql("""
                        SELECT commitment_id, commitment_title, dialogue_id, name, status, planned_from, planned_to,
                            held_on, location FROM query.dialogue""" + where
                        + " ORDER BY starts_on NULLS LAST, commitment_id, dialogue_id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, row) -> new CalendarEntry(rs.getString("commitment_id"), rs.getString("commitment_title"),
                        rs.getString("dialogue_id"), rs.getString("name"), rs.getString("status"),
                        rs.getObject("planned_from", LocalDate.class), rs.getObject("planned_to", LocalDate.class),
                        rs.getObject("held_on", LocalDate.class), rs.getString("location")))
                .list();
        return new Page<>(items, page, size, total);
    }

    void titled(String commitmentId, String title) {
        jdbc.sql("""
                        INSERT INTO query.dialogue_commitment (commitment_id, title) VALUES (?, ?)
                        ON CONFLICT (commitment_id) DO UPDATE SET title = EXCLUDED.title""")
                .params(commitmentId, title)
                .update();
        jdbc.sql("UPDATE query.dialogue SET commitment_title = ? WHERE commitment_id = ?")
                .params(title, commitmentId)
                .update();
    }

    /** A dialogue id used again keeps its first scheduling, as in the detail. */
    void scheduled(String commitmentId, String dialogueId, String name, LocalDate plannedFrom, LocalDate plannedTo,
                   String location) {
        jdbc.sql("""
                        INSERT INTO query.dialogue (commitment_id, dialogue_id, commitment_title, name, status,
                            planned_from, planned_to, location, starts_on, ends_on)
                        SELECT commitment_id, CAST(:dialogueId AS VARCHAR), title, CAST(:name AS TEXT), 'SCHEDULED',
                            CAST(:plannedFrom AS DATE), CAST(:plannedTo AS DATE), CAST(:location AS TEXT),
                            CAST(:plannedFrom AS DATE), COALESCE(CAST(:plannedTo AS DATE), CAST(:plannedFrom AS DATE))
                        FROM query.dialogue_commitment WHERE commitment_id = :commitmentId
                        ON CONFLICT (commitment_id, dialogue_id) DO NOTHING
                        """)
                .param("commitmentId", commitmentId)
                .param("dialogueId", dialogueId)
                .param("name", name)
                .param("plannedFrom", plannedFrom)
                .param("plannedTo", plannedTo)
                .param("location", location)
                .update();
    }

    /** Only a scheduled dialogue is rescheduled, held or cancelled. */
    void rescheduled(String commitmentId, String dialogueId, LocalDate plannedFrom, LocalDate plannedTo) {
        jdbc.sql("""
                        UPDATE query.dialogue SET planned_from = COALESCE(CAST(:plannedFrom AS DATE), planned_from),
                            planned_to = COALESCE(CAST(:plannedTo AS DATE), planned_to),
                            starts_on = COALESCE(CAST(:plannedFrom AS DATE), planned_from),
                            ends_on = COALESCE(CAST(:plannedTo AS DATE), planned_to, CAST(:plannedFrom AS DATE), planned_from)
                        WHERE commitment_id = :commitmentId AND dialogue_id = :dialogueId AND status = 'SCHEDULED'
                        """)
                .param("commitmentId", commitmentId)
                .param("dialogueId", dialogueId)
                .param("plannedFrom", plannedFrom)
                .param("plannedTo", plannedTo)
                .update();
    }

    void held(String commitmentId, String dialogueId, LocalDate heldOn, String location) {
        jdbc.sql("""
                        UPDATE query.dialogue SET status = 'HELD', held_on = CAST(:heldOn AS DATE),
                            location = COALESCE(CAST(:location AS TEXT), location), starts_on = CAST(:heldOn AS DATE),
                            ends_on = CAST(:heldOn AS DATE)
                        WHERE commitment_id = :commitmentId AND dialogue_id = :dialogueId AND status = 'SCHEDULED'
                        """)
                .param("commitmentId", commitmentId)
                .param("dialogueId", dialogueId)
                .param("heldOn", heldOn)
                .param("location", location)
                .update();
    }

    void cancelled(String commitmentId, String dialogueId) {
        jdbc.sql("""
                        UPDATE query.dialogue SET status = 'CANCELLED'
                        WHERE commitment_id = ? AND dialogue_id = ? AND status = 'SCHEDULED'""")
                .params(commitmentId, dialogueId)
                .update();
    }

    void delete(String commitmentId) {
        jdbc.sql("DELETE FROM query.dialogue WHERE commitment_id = ?").param(commitmentId).update();
        jdbc.sql("DELETE FROM query.dialogue_commitment WHERE commitment_id = ?").param(commitmentId).update();
    }
}
