package org.commitmenttracker.query.commitment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.commitmenttracker.query.funding.FundingLedger.Entry;
import org.commitmenttracker.query.processing.CommitmentRows;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes {@code query.funding_entry}, a commitment's funding facts in the order recorded, one row
 * each, apart from its folded state (migration V59): a state written whole on every event
 * rewrote every fact before it. A fold that only added facts inserts them; one that changed or
 * took back a fact (a correction, a retraction) writes the commitment's facts again.
 */
final class FundingEntryRows {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ObjectMapper objectMapper;

    FundingEntryRows(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.objectMapper = objectMapper;
    }

    /**
     * The facts of the row {@code c} of {@code query.commitment}, in order, as a column of the
     * same statement: read in one snapshot with the state they belong to ({@link #of}).
     */
    static final String COLUMN = """
            (SELECT array_agg(e.entry ORDER BY e.position) FROM query.funding_entry e
             WHERE e.commitment_id = c.id AND e.generation = c.generation)""";

    /** The facts of a {@link #COLUMN}, null for none. */
    List<Entry> of(Array column) throws SQLException {
        if (column == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (Object entry : (Object[]) column.getArray()) {
            entries.add(read((String) entry));
        }
        return entries;
    }

    /** Writes the facts of rows just written, each against the row as it was stored before (null for none). */
    void write(Collection<CommitmentRows.Write<FoldedCommitment>> changes) {
        List<CommitmentRows.Write<FoldedCommitment>> rewritten = new ArrayList<>();
        List<Map<String, Object>> inserts = new ArrayList<>();
        for (CommitmentRows.Write<FoldedCommitment> change : changes) {
            List<Entry> now = change.row().funding().entries();
            List<Entry> before = change.stored() == null ? List.of() : change.stored().funding().entries();
            int from = before.size();
            if (!startsWith(now, before)) {
                rewritten.add(change);
                from = 0;
            }
            for (int position = from; position < now.size(); position++) {
                inserts.add(Map.of("commitmentId", change.row().id(), "generation", change.generation(),
                        "position", position, "entry", write(now.get(position))));
            }
        }
        rewritten.stream().collect(Collectors.groupingBy(CommitmentRows.Write::generation)).forEach((generation, some) ->
                jdbc.sql("DELETE FROM query.funding_entry WHERE commitment_id = ANY (CAST(:ids AS VARCHAR[]))"
                                + " AND generation = :generation")
                        .param("ids", some.stream().map(c -> c.row().id()).toArray(String[]::new))
                        .param("generation", generation)
                        .update());
        if (!inserts.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO query.funding_entry (commitment_id, generation, position, entry)
                    VALUES (:commitmentId, :generation, :position, :entry)
                    ON CONFLICT (commitment_id, generation, position) DO UPDATE SET entry = EXCLUDED.entry""",
                    SqlParameterSourceUtils.createBatch(inserts));
        }
    }

    /** Whether {@code list} begins with {@code prefix}: the facts of a fold are shared, not copied, so mostly by identity. */
    private static boolean startsWith(List<Entry> list, List<Entry> prefix) {
        if (prefix.size() > list.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (list.get(i) != prefix.get(i) && !list.get(i).equals(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }

    private Entry read(String json) {
        try {
            return objectMapper.readValue(json, Entry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable funding entry", e);
        }
    }

    private String write(Entry entry) {
        try {
            return objectMapper.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write funding entry", e);
        }
    }
}
