package org.commitmenttracker.query.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.commitmenttracker.events.value.Rating;
import org.commitmenttracker.query.commitment.CommitmentDetail.Status;
import org.commitmenttracker.query.commitment.CommitmentFilter;
import org.commitmenttracker.query.funding.Total;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard, counted and summed on reading from the rows the commitments' fold wrote
 * ({@code query.commitment}: status, rating, next due date, funding totals; {@code query.dialogue}:
 * each dialogue's status and days), so that a row written twice never counts twice and
 * {@code overdue} is judged on the day of reading. Nothing is decided here that the fold decided.
 */
@Repository
public class DashboardReadModel {

    private static final int UPCOMING = 10;
    private static final String SERVING = AppliedVersions.serving("commitments");

    private final JdbcClient jdbc;

    public DashboardReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One snapshot of the tables, so that the counts and the sums agree with each other. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Dashboard dashboard(LocalDate today) {
        return dashboard(CommitmentFilter.ANY, today);
    }

    /** The dashboard of the commitments {@code filter} selects (e.g. one source's, one party's). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Dashboard dashboard(CommitmentFilter filter, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String commitments = "FROM query.commitment WHERE generation = " + SERVING + filter.conditions("", params, today);
        params.put("today", today);
        params.put("limit", UPCOMING);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            byStatus.put(status.name(), 0L);
        }
        Map<String, Long> byRating = new LinkedHashMap<>();
        for (Rating rating : Rating.values()) {
            byRating.put(rating.name(), 0L);
        }
        byRating.put(Dashboard.UNRATED, 0L);
        jdbc.sql("SELECT status, count(*) AS n " + commitments + " GROUP BY status").params(params)
                .query(rs -> {
                    byStatus.put(rs.getString("status"), rs.getLong("n"));
                });
        jdbc.sql("SELECT rating, count(*) AS n " + commitments + " GROUP BY rating").params(params)
                .query(rs -> {
                    String rating = rs.getString("rating");
                    byRating.put(rating == null ? Dashboard.UNRATED : rating, rs.getLong("n"));
                });
        long count = jdbc.sql("SELECT count(*) " + commitments).params(params).query(Long.class).single();
        long overdue = jdbc.sql("SELECT count(*) " + commitments + " AND next_due_by < :today").params(params)
                .query(Long.class)
                .single();
        Map<String, Dashboard.Funding> funding = new TreeMap<>();
        jdbc.sql("SELECT currency, sum(pledged) AS pledged, sum(obligated) AS obligated, sum(disbursed) AS disbursed "
                        + commitments + " AND currency IS NOT NULL GROUP BY currency")
                .params(params)
                .query(rs -> {
                    String currency = rs.getString("currency");
                    funding.put(currency, new Dashboard.Funding(total(rs.getBigDecimal("pledged"), currency),
                            total(rs.getBigDecimal("obligated"), currency),
                            total(rs.getBigDecimal("disbursed"), currency)));
                });
        return new Dashboard(count, byStatus, byRating, overdue, funding, upcomingDialogues(commitments, params));
    }

    private List<Dashboard.UpcomingDialogue> upcomingDialogues(String commitments, Map<String, Object> params) {
        return jdbc.sql("""
                        SELECT commitment_id, commitment_title, dialogue_id, name, planned_from, planned_to, location
                        FROM query.dialogue
                        WHERE generation = %s AND status = 'SCHEDULED' AND ends_on >= :today
                            AND commitment_id IN (SELECT id %s)
                        ORDER BY starts_on, commitment_id, dialogue_id LIMIT :limit""".formatted(SERVING, commitments))
                .params(params)
                .query((rs, row) -> new Dashboard.UpcomingDialogue(rs.getString("commitment_id"),
                        rs.getString("commitment_title"), rs.getString("dialogue_id"), rs.getString("name"),
                        rs.getObject("planned_from", LocalDate.class), rs.getObject("planned_to", LocalDate.class),
                        rs.getString("location")))
                .list();
    }

    private static Total total(BigDecimal value, String currency) {
        return new Total(value == null ? BigDecimal.ZERO.setScale(2) : value, currency);
    }
}
