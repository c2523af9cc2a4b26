package org.commitmenttracker.query.commitment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.commitmenttracker.query.processing.CommitmentRows;
import org.commitmenttracker.query.web.Page;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tables written from each commitment's fold: {@code query.commitment}, one row per
 * commitment with its folded state, its detail as a JSON document and the columns the list and
 * the dashboard filter, count and sum; {@code query.funding_entry}, the state's funding facts,
 * one row each ({@link FundingEntryRows}); and {@code query.dialogue}, one row per dialogue for
 * the calendar across commitments. All of it is written from the {@link FoldedCommitment}, so no
 * rule is decided again in SQL.
 */
@Repository
public class CommitmentReadModel implements CommitmentRows.Table<FoldedCommitment> {

    /** The generation reads answer from. */
    static final String SERVING = AppliedVersions.serving(CommitmentProjection.NAME);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ObjectMapper objectMapper;
    private final DialogueRows calendar;
    private final FundingEntryRows fundingEntries;

    public CommitmentReadModel(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.objectMapper = objectMapper;
        this.calendar = new DialogueRows(jdbc, batch);
        this.fundingEntries = new FundingEntryRows(jdbc, batch, objectMapper);
    }

    /** A detail as its stored JSON document, and its version. */
    public record DetailJson(long version, String json) {
    }

    /**
     * The detail's JSON as stored, with {@code overdue} set as of {@code today} by PostgreSQL,
     * for a read to answer as it is. Overdue means open with something due before today, which
     * is what the {@code next_due_by} column holds (null once closed); the same rule as
     * {@link CommitmentDetail#withOverdue} and the list's.
     */
    public Optional<DetailJson> detailJson(String id, LocalDate today) {
        return jdbc.sql("""
                        SELECT version, jsonb_set(detail, '{overdue}', to_jsonb(coalesce(next_due_by < ?, FALSE)))::TEXT
                        FROM query.commitment WHERE id = ? AND generation = """ + SERVING)
                .param(today)
                .param(id)
                .query((rs, row) -> new DetailJson(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    /** The folded states of those of {@code ids} that have a row, in one statement. */
    @Override
    public Map<String, FoldedCommitment> find(Set<String> ids, long generation) {
        Map<String, FoldedCommitment> found = new HashMap<>();
        jdbc.sql("SELECT c.id, c.state, " + FundingEntryRows.COLUMN + """
                         FROM query.commitment c
                        WHERE c.id = ANY (CAST(:ids AS VARCHAR[])) AND c.generation = :generation AND c.state IS NOT NULL""")
                .param("ids", ids.toArray(String[]::new))
                .param("generation", generation)
                .query(rs -> {
                    found.put(rs.getString(1), read(rs.getString(2), rs.getArray(3)));
                });
        return found;
    }

    /** The folded state of one commitment, for the views that are not stored (the ledger). */
    public Optional<FoldedCommitment> state(String id) {
        return jdbc.sql("SELECT c.state, " + FundingEntryRows.COLUMN
                        + " FROM query.commitment c WHERE c.id = ? AND c.state IS NOT NULL AND c.generation = " + SERVING)
                .param(id)
                .query((rs, row) -> read(rs.getString(1), rs.getArray(2))).optional();
    }

    public Optional<Long> version(String id) {
        return jdbc.sql("SELECT version FROM query.commitment WHERE id = ? AND generation = " + SERVING).param(id)
                .query(Long.class).optional();
    }

    private static final String UPDATE = """
            UPDATE query.commitment SET version = :version, title = :title, summary = :summary,
                category = :category, status = :status, rating = :rating, announced_on = :announcedOn,
                due_by = :dueBy, next_due_by = :nextDueBy, last_activity_on = :lastActivityOn,
                lead_agencies = :leadAgencies, detail = CAST(:detail AS JSONB), state = :state,
                currency = :currency, pledged = :pledged, obligated = :obligated, disbursed = :disbursed,
                parties = :parties, source_title = :sourceTitle, search_text = :searchText,
                search_fields = CASE WHEN search_text IS DISTINCT FROM :searchText
                    THEN CAST(:searchFields AS JSONB) ELSE search_fields END
            WHERE id = :id AND generation = :generation AND version < :version
            """;
    private static final String UPSERT = """
            INSERT INTO query.commitment (id, generation, version, title, summary, category, status, rating, announced_on,
                due_by, next_due_by, last_activity_on, lead_agencies, detail, state, currency, pledged, obligated,
                disbursed, parties, source_title, search_text, search_fields)
            VALUES (:id, :generation, :version, :title, :summary, :category, :status, :rating, :announcedOn,
                :dueBy, :nextDueBy, :lastActivityOn, :leadAgencies, CAST(:detail AS JSONB), :state,
                :currency, :pledged, :obligated, :disbursed, :parties, :sourceTitle, :searchText,
                CAST(:searchFields AS JSONB))
            ON CONFLICT (id, generation) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title,
                summary = EXCLUDED.summary, category = EXCLUDED.category, status = EXCLUDED.status,
                rating = EXCLUDED.rating, announced_on = EXCLUDED.announced_on, due_by = EXCLUDED.due_by,
                next_due_by = EXCLUDED.next_due_by, last_activity_on = EXCLUDED.last_activity_on,
                lead_agencies = EXCLUDED.lead_agencies, detail = EXCLUDED.detail, state = EXCLUDED.state,
                currency = EXCLUDED.currency, pledged = EXCLUDED.pledged, obligated = EXCLUDED.obligated,
                disbursed = EXCLUDED.disbursed, parties = EXCLUDED.parties, source_title = EXCLUDED.source_title,
                search_text = EXCLUDED.search_text, search_fields = EXCLUDED.search_fields
            WHERE query.commitment.version < EXCLUDED.version
            """;

    /**
     * Writes the row of {@code detail} unless it holds a later version.
     *
     * @param stored the row as stored, null for none: when there is one, a plain UPDATE, which
     *               leaves the search vector alone unless the title or summary changed (migration
     *               V6), an upsert's insert attempt would compute it every time; and only the
     *               funding facts it lacks are written
     * @return whether the row now holds {@code detail} (false when it held a later version)
     */
    @Override
    public boolean save(FoldedCommitment state, FoldedCommitment stored, long generation) {
        Map<String, Object> params = params(state, generation);
        boolean saved = stored != null && jdbc.sql(UPDATE).params(params).update() > 0
                || jdbc.sql(UPSERT).params(params).update() > 0;
        if (saved) {
            calendar.replace(List.of(state), generation);
            fundingEntries.write(List.of(new CommitmentRows.Write<>(state, stored, generation)));
        }
        return saved;
    }

    /** Writes many rows as {@link #save} does, in a few batched statements rather than some per row. */
    @Override
    public void saveAll(Collection<CommitmentRows.Write<FoldedCommitment>> writes) {
        List<CommitmentRows.Write<FoldedCommitment>> updates = writes.stream().filter(CommitmentRows.Write::exists).toList();
        List<CommitmentRows.Write<FoldedCommitment>> upserts = new ArrayList<>(writes.stream().filter(w -> !w.exists()).toList());
        List<CommitmentRows.Write<FoldedCommitment>> saved = new ArrayList<>(writes.size());
        int[] updated = batch.batchUpdate(UPDATE, batchOf(updates));
        for (int i = 0; i < updated.length; i++) {
            (updated[i] == 0 ? upserts : saved).add(updates.get(i));
        }
        if (!upserts.isEmpty()) {
            int[] upserted = batch.batchUpdate(UPSERT, batchOf(upserts));
            for (int i = 0; i < upserted.length; i++) {
                if (upserted[i] != 0) { // a later version held stays as it is
                    saved.add(upserts.get(i));
                }
            }
        }
        saved.stream().collect(Collectors.groupingBy(CommitmentRows.Write::generation)).forEach((generation, some) ->
                calendar.replace(some.stream().map(CommitmentRows.Write::row).toList(), generation));
        fundingEntries.write(saved);
    }

    private SqlParameterSource[] batchOf(List<CommitmentRows.Write<FoldedCommitment>> writes) {
        return SqlParameterSourceUtils.createBatch(writes.stream().map(w -> params(w.row(), w.generation())).toList());
    }

    private Map<String, Object> params(FoldedCommitment state, long generation) {
        CommitmentDetail detail = state.detail();
        CommitmentDetail.Funding funding = detail.funding();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", detail.id());
        params.put("generation", generation);
        params.put("version", detail.version());
        params.put("title", detail.title());
        params.put("summary", detail.summary());
        params.put("category", detail.category().name());
        params.put("status", detail.status().name());
        params.put("rating", detail.rating() == null ? null : detail.rating().name());
        params.put("announcedOn", detail.announcedOn());
        params.put("dueBy", detail.dueBy());
        params.put("nextDueBy", detail.nextDueBy());
        params.put("lastActivityOn", detail.lastActivityOn());
        params.put("leadAgencies", detail.leadAgencies().toArray(String[]::new));
        params.put("detail", write(detail));
        params.put("state", write(state.withFundingEntries(List.of()))); // its facts are rows of their own
        params.put("currency", funding == null ? null : funding.currency());
        params.put("pledged", funding == null ? null : funding.pledged().value());
        params.put("obligated", funding == null ? null : funding.obligated().value());
        params.put("disbursed", funding == null ? null : funding.disbursed().value());
        params.put("parties", state.parties().toArray(String[]::new));
        params.put("sourceTitle", state.source() == null ? null : state.source().title());
        List<SearchFields.Field> fields = SearchFields.of(state);
        params.put("searchText", SearchFields.text(fields));
        params.put("searchFields", write(fields));
        return params;
    }

    public Page<CommitmentSummary> list(CommitmentFilter filter, int page, int size, LocalDate today) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = " WHERE generation = " + SERVING + filter.conditions("", params, today);
        long total = jdbc.sql("SELECT count(*) FROM query.commitment" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        // Which fields matched, for the page's rows only.
        String matches = filter.text() == null ? "CAST('[]' AS JSONB)" : """
                (SELECT COALESCE(jsonb_agg(jsonb_build_object('kind', f ->> 'kind', 'id', f ->> 'id',
                    'field', f ->> 'field')), '[]') FROM jsonb_array_elements(search_fields) f
                 WHERE to_tsvector('english', query.fold_text(f ->> 'text')) @@ %s)""".formatted(CommitmentFilter.TEXT_QUERY);
        List<CommitmentSummary> items = jdbc.sql("""
                        SELECT id, version, title, category, status, rating, announced_on, due_by, next_due_by,
                            last_activity_on, lead_agencies, %s::TEXT AS matches FROM query.commitment""".formatted(matches)
                        + where + " ORDER BY announced_on DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, row) -> summary(rs, today))
                .list();
        return new Page<>(items, page, size, total);
    }

    private CommitmentSummary summary(ResultSet rs, LocalDate today) throws SQLException {
        String status = rs.getString("status");
        LocalDate nextDueBy = rs.getObject("next_due_by", LocalDate.class);
        boolean open = !status.equals("FULFILLED") && !status.equals("WITHDRAWN");
        return new CommitmentSummary(rs.getString("id"), rs.getString("title"), rs.getString("category"), status,
                open && nextDueBy != null && nextDueBy.isBefore(today), rs.getString("rating"),
                rs.getObject("announced_on", LocalDate.class), rs.getObject("due_by", LocalDate.class),
                rs.getObject("last_activity_on", LocalDate.class), strings(rs.getArray("lead_agencies")),
                rs.getLong("version"), matches(rs.getString("matches")));
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add((String) value);
        }
        return values;
    }

    private List<CommitmentSummary.Match> matches(String json) {
        try {
            return List.of(objectMapper.readValue(json, CommitmentSummary.Match[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable matches", e);
        }
    }

    /** A stored state with its funding facts, which are rows of their own. */
    private FoldedCommitment read(String json, Array fundingEntries) throws SQLException {
        try {
            return objectMapper.readValue(json, FoldedCommitment.class)
                    .withFundingEntries(this.fundingEntries.of(fundingEntries));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable commitment detail", e);
        }
    }

    private String write(Object document) {
        try {
            return objectMapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write commitment detail", e);
        }
    }
}
