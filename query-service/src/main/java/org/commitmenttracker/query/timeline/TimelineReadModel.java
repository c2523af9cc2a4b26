package org.commitmenttracker.query.timeline;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code query.timeline_entry} (one sentence per event) and {@code query.timeline_name}. */
@Repository
public class TimelineReadModel {

    private static final String DIALOGUE = "DIALOGUE";
    private static final String MILESTONE = "MILESTONE";
    private static final String INDICATOR = "INDICATOR";

    private final JdbcClient jdbc;
    private final AppliedVersions versions;

    public TimelineReadModel(JdbcClient jdbc, AppliedVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    /** The version this read model has reached for a commitment; empty for an unknown commitment. */
    public Optional<Long> version(String commitmentId) {
        return versions.version(TimelineProjection.NAME, commitmentId);
    }

    /** By the day things happened, then by the order they were recorded. */
    public List<TimelineEntry> timeline(String commitmentId) {
        return jdbc.sql("""
                        SELECT version, type, occurred_on, recorded_at, summary, summary_es FROM query.timeline_entry
                        WHERE commitment_id = ? AND generation = %s ORDER BY occurred_on NULLS LAST, version"""
                        .formatted(AppliedVersions.serving(TimelineProjection.NAME)))
                .param(commitmentId)
                .query((rs, row) -> new TimelineEntry(rs.getLong("version"), rs.getString("type"),
                        rs.getObject("occurred_on", LocalDate.class), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("summary"), rs.getString("summary_es")))
                .list();
    }

    /** Forgets a commitment's entries of a generation, before they are written again from its stream. */
    void clear(String commitmentId, long generation) {
        jdbc.sql("DELETE FROM query.timeline_entry WHERE commitment_id = :commitmentId AND generation = :generation")
                .param("commitmentId", commitmentId)
                .param("generation", generation)
                .update();
    }

    void add(String commitmentId, long generation, TimelineEntry entry) {
        jdbc.sql("""
                        INSERT INTO query.timeline_entry (commitment_id, generation, version, type, occurred_on,
                            recorded_at, summary, summary_es)
                        VALUES (:commitmentId, :generation, :version, :type, :occurredOn, :recordedAt, :summary,
                            :summaryEs)
                        ON CONFLICT (commitment_id, version, generation) DO UPDATE SET type = EXCLUDED.type,
                            occurred_on = EXCLUDED.occurred_on, recorded_at = EXCLUDED.recorded_at,
                            summary = EXCLUDED.summary, summary_es = EXCLUDED.summary_es
                        """)
                .param("commitmentId", commitmentId)
                .param("generation", generation)
                .param("version", entry.version())
                .param("type", entry.type())
                .param("occurredOn", entry.occurredOn())
                .param("recordedAt", Timestamp.from(entry.recordedAt()))
                .param("summary", entry.summary())
                .param("summaryEs", entry.summaryEs())
                .update();
    }

    void nameDialogue(String commitmentId, long generation, String dialogueId, String name) {
        name(commitmentId, generation, DIALOGUE, dialogueId, name, null);
    }

    void nameMilestone(String commitmentId, long generation, String milestoneId, String description) {
        name(commitmentId, generation, MILESTONE, milestoneId, description, null);
    }

    void nameIndicator(String commitmentId, long generation, String indicatorId, String name, String unit) {
        name(commitmentId, generation, INDICATOR, indicatorId, name, unit);
    }

    /** The first name given to a child stays: a repeated id does not rename it, as in the detail. */
    private void name(String commitmentId, long generation, String kind, String childId, String name, String unit) {
        if (childId == null || name == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO query.timeline_name (commitment_id, generation, kind, child_id, name, unit)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(commitmentId, generation, kind, childId, name, unit)
                .update();
    }

    TimelineSentences.Names names(String commitmentId, long generation) {
        return new TimelineSentences.Names() {
            @Override
            public String dialogue(String dialogueId) {
                return column("name", DIALOGUE, dialogueId);
            }

            @Override
            public String milestone(String milestoneId) {
                return column("name", MILESTONE, milestoneId);
            }

            @Override
            public String indicator(String indicatorId) {
                return column("name", INDICATOR, indicatorId);
            }

            @Override
            public String indicatorUnit(String indicatorId) {
                return column("unit", INDICATOR, indicatorId);
            }

            private String column(String column, String kind, String childId) {
                return jdbc.sql("SELECT " + column + " FROM query.timeline_name "
                                + "WHERE commitment_id = ? AND generation = ? AND kind = ? AND child_id = ?")
                        .params(commitmentId, generation, kind, childId)
                        .query(String.class)
                        .optional()
                        .orElse(null);
            }
        };
    }
}
