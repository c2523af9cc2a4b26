package org.commitmenttracker.query.commitment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commitmenttracker.query.commitment.CommitmentDetail.Dialogue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes {@code query.dialogue}, the calendar across commitments, from the folded dialogues: a
 * commitment's rows are replaced as a whole, in two statements per batch of commitments.
 */
final class DialogueRows {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    DialogueRows(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void replace(Collection<FoldedCommitment> states, long generation) {
        if (states.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM query.dialogue WHERE commitment_id = ANY (CAST(:ids AS VARCHAR[])) AND generation = :generation")
                .param("ids", states.stream().map(FoldedCommitment::id).toArray(String[]::new))
                .param("generation", generation)
                .update();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FoldedCommitment state : states) {
            for (Dialogue dialogue : state.dialogues().dialogues()) {
                Map<String, Object> row = new HashMap<>();
                row.put("commitmentId", state.id());
                row.put("generation", generation);
                row.put("dialogueId", dialogue.dialogueId());
                row.put("title", state.title());
                row.put("name", dialogue.name());
                row.put("status", dialogue.status().name());
                row.put("plannedFrom", dialogue.plannedFrom());
                row.put("plannedTo", dialogue.plannedTo());
                row.put("heldOn", dialogue.heldOn());
                row.put("location", dialogue.location());
                row.put("startsOn", dialogue.startsOn());
                row.put("endsOn", dialogue.endsOn());
                rows.add(row);
            }
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO query.dialogue (commitment_id, generation, dialogue_id, commitment_title, name, status,
                        planned_from, planned_to, held_on, location, starts_on, ends_on)
                    VALUES (:commitmentId, :generation, :dialogueId, :title, :name, :status, :plannedFrom, :plannedTo, :heldOn,
                        :location, :startsOn, :endsOn)""", SqlParameterSourceUtils.createBatch(rows));
        }
    }
}
