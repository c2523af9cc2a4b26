package org.commitmenttracker.query.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.events.value.Rating;
import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentDetail.Status;
import org.commitmenttracker.query.processing.BatchedRows;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table {@code query.dashboard_commitment}: one row per commitment with the columns the
 * dashboard counts and sums. The dashboard is summed on reading, so that a row written twice
 * never counts twice, and {@code overdue} is judged on the day of reading.
 */
@Repository
public class DashboardReadModel implements BatchedRows.Table<CommitmentDetail> {

    private static final int UPCOMING = 10;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ObjectMapper objectMapper;

    DashboardReadModel(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.objectMapper = objectMapper;
    }

    /** One snapshot of the table, so that the counts and the sums agree with each other. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Dashboard dashboard(LocalDate today) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            byStatus.put(status.name(), 0L);
        }
        Map<String, Long> byRating = new LinkedHashMap<>();
        for (Rating rating : Rating.values()) {
            byRating.put(rating.name(), 0L);
        }
        byRating.put(Dashboard.UNRATED, 0L);
        jdbc.sql("SELECT status, count(*) AS n FROM query.dashboard_commitment GROUP BY status")
                .query(rs -> {
                    byStatus.put(rs.getString("status"), rs.getLong("n"));
                });
        jdbc.sql("SELECT rating, count(*) AS n FROM query.dashboard_commitment GROUP BY rating")
                .query(rs -> {
                    String rating = rs.getString("rating");
                    byRating.put(rating == null ? Dashboard.UNRATED : rating, rs.getLong("n"));
                });
        long commitments = jdbc.sql("SELECT count(*) FROM query.dashboard_commitment").query(Long.class).single();
        long overdue = jdbc.sql("SELECT count(*) FROM query.dashboard_commitment WHERE next_due_by < ?")
                .param(today)
                .query(Long.class)
                .single();
        Map<String, Dashboard.Funding> funding = new TreeMap<>();
        jdbc.sql("""
                        SELECT currency, sum(pledged) AS pledged, sum(obligated) AS obligated, sum(disbursed) AS disbursed
                        FROM query.dashboard_commitment WHERE currency IS NOT NULL GROUP BY currency""")
                .query(rs -> {
                    String currency = rs.getString("currency");
                    funding.put(currency, new Dashboard.Funding(money(rs.getBigDecimal("pledged"), currency),
                            money(rs.getBigDecimal("obligated"), currency),
                            money(rs.getBigDecimal("disbursed"), currency)));
                });
        return new Dashboard(commitments, byStatus, byRating, overdue, funding, upcomingDialogues(today));
    }

    private List<Dashboard.UpcomingDialogue> upcomingDialogues(LocalDate today) {
        return jdbc.sql("""
                        SELECT c.commitment_id, c.title, d ->> 'dialogueId' AS dialogue_id, d ->> 'name' AS name,
                            CAST(d ->> 'plannedFrom' AS DATE) AS planned_from,
                            CAST(d ->> 'plannedTo' AS DATE) AS planned_to, d ->> 'location' AS location
                        FROM query.dashboard_commitment c, jsonb_array_elements(c.state -> 'dialogues') d
                        WHERE d ->> 'status' = 'SCHEDULED' AND CAST(d ->> 'plannedTo' AS DATE) >= :today
                        ORDER BY planned_from, c.commitment_id, dialogue_id LIMIT :limit""")
                .param("today", today)
                .param("limit", UPCOMING)
                .query((rs, row) -> new Dashboard.UpcomingDialogue(rs.getString("commitment_id"), rs.getString("title"),
                        rs.getString("dialogue_id"), rs.getString("name"),
                        rs.getObject("planned_from", LocalDate.class), rs.getObject("planned_to", LocalDate.class),
                        rs.getString("location")))
                .list();
    }

    /** The folded states of those of {@code ids} that have a row, in one statement. */
    @Override
    public Map<String, CommitmentDetail> find(Set<String> ids) {
        Map<String, CommitmentDetail> found = new HashMap<>();
        jdbc.sql("SELECT commitment_id, state FROM query.dashboard_commitment WHERE commitment_id = ANY (CAST(:ids AS VARCHAR[]))")
                .param("ids", ids.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1), read(rs.getString(2)));
                });
        return found;
    }

    @Override
    public boolean save(CommitmentDetail detail, boolean exists) {
        return jdbc.sql(UPSERT).params(params(detail)).update() > 0;
    }

    /** Writes many rows in one batched statement. */
    @Override
    public void saveAll(Collection<BatchedRows.Write<CommitmentDetail>> writes) {
        batch.batchUpdate(UPSERT, SqlParameterSourceUtils.createBatch(writes.stream().map(w -> params(w.row())).toList()));
    }

    private static final String UPSERT = """
            INSERT INTO query.dashboard_commitment (commitment_id, title, status, rating, next_due_by,
                currency, pledged, obligated, disbursed, state)
            VALUES (:id, :title, :status, :rating, :nextDueBy, :currency, :pledged, :obligated, :disbursed,
                CAST(:state AS JSONB))
            ON CONFLICT (commitment_id) DO UPDATE SET title = EXCLUDED.title, status = EXCLUDED.status,
                rating = EXCLUDED.rating, next_due_by = EXCLUDED.next_due_by, currency = EXCLUDED.currency,
                pledged = EXCLUDED.pledged, obligated = EXCLUDED.obligated, disbursed = EXCLUDED.disbursed,
                state = EXCLUDED.state
            """;

    private Map<String, Object> params(CommitmentDetail detail) {
        CommitmentDetail.Funding funding = detail.funding();
        Map<String, Object> params = new HashMap<>();
        params.put("id", detail.id());
        params.put("title", detail.title());
        params.put("status", detail.status().name());
        params.put("rating", detail.rating() == null ? null : detail.rating().name());
        params.put("nextDueBy", detail.nextDueBy());
        params.put("currency", funding == null ? null : funding.currency());
        params.put("pledged", funding == null ? null : funding.pledged().value());
        params.put("obligated", funding == null ? null : funding.obligated().value());
        params.put("disbursed", funding == null ? null : funding.disbursed().value());
        params.put("state", write(detail));
        return params;
    }

    @Override
    public void delete(String commitmentId) {
        jdbc.sql("DELETE FROM query.dashboard_commitment WHERE commitment_id = ?").param(commitmentId).update();
    }

    private static Money money(BigDecimal value, String currency) {
        return new Money(value == null ? BigDecimal.ZERO : value, currency);
    }

    private CommitmentDetail read(String json) {
        try {
            return objectMapper.readValue(json, CommitmentDetail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable dashboard state", e);
        }
    }

    private String write(CommitmentDetail detail) {
        try {
            return objectMapper.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write dashboard state", e);
        }
    }
}
