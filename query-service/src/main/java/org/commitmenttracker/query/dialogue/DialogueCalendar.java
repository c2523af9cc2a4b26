package org.commitmenttracker.query.dialogue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.commitmenttracker.query.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code query.dialogue}: every dialogue of every commitment, as the commitment's fold
 * left it (written by the commitments' projection). {@code starts_on..ends_on} are the days a
 * dialogue occupies ({@code CommitmentDetail.Dialogue#startsOn}), what {@code from}/{@code to} select on.
 */
@Repository
public class DialogueCalendar {

    private final JdbcClient jdbc;

    public DialogueCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The filters of {@code GET /api/dialogues}; null means "any". */
    public record Filter(LocalDate from, LocalDate to, String status) {
    }

    public Page<CalendarEntry> calendar(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE generation = " + AppliedVersions.serving("commitments"));
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
}
