package org.commitmenttracker.query.processing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How far each read model's generation has got with each commitment, and the one way a
 * projection applies an event: above the version reached (idempotent), in the generation being
 * written, deferred or in a savepoint. Why, in the package's explanation ({@code package-info}).
 */
@Component
public class AppliedVersions {

    /** The change one event makes to a read model. */
    @FunctionalInterface
    public interface Change {
        /**
         * @param generation the generation to read and write the commitment's rows in
         * @param reached    the version that generation holds for this commitment, null when it
         *                   holds no rows of it: build from nothing
         */
        void apply(long generation, Long reached);
    }

    /** For the reads: the generation they answer from, as a scalar subquery of the read model's name. */
    public static String serving(String readModel) {
        return "(SELECT serving FROM query.read_model_generation WHERE read_model = '" + readModel + "')";
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final TransactionTemplate joined;
    private final FailedBatches failedBatches = new FailedBatches();
    private final TransactionCache<Key, Progress> progressOfTransaction = new TransactionCache<>();
    private final TransactionCache<Key, Progress> unwritten = new TransactionCache<>(this::write);

    public AppliedVersions(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        // A change that fails inside it marks the whole transaction for rollback, so that it cannot commit half done.
        this.joined = new TransactionTemplate(transactionManager);
        this.joined.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
    }

    /**
     * Applies the event at {@code version} of a commitment to {@code readModel}, unless already applied.
     *
     * @return whether the change was applied
     */
    public boolean apply(String readModel, String commitmentId, long version, Change change) {
        Key key = new Key(readModel, commitmentId);
        // Outside a transaction (the savepoint then opens one of its own) nothing is deferred.
        boolean deferred = unwritten.active();
        TransactionTemplate around = deferring() ? joined : savepoint;
        Progress reached = around.execute(status -> {
            Progress progress = lookUp(key);
            if (progress.version() != null && progress.version() >= version) {
                return null;
            }
            change.apply(progress.current(), progress.version());
            Progress now = new Progress(progress.current(), version);
            if (!deferred) {
                write(Map.of(key, now));
            }
            return now;
        });
        if (reached == null) {
            return false;
        }
        // Remembered only once the change succeeded (and its savepoint, if any, is released): a
        // change rolled back is neither remembered nor recorded, and the rest of the batch carries on.
        progressOfTransaction.put(key, reached);
        unwritten.put(key, reached);
        return true;
    }

    /**
     * Whether the change being applied may leave its writes to the end of the transaction (see
     * {@link TransactionCache}): true in a processor's first attempt at a batch, where any failure
     * fails the whole batch; false in its retry, where each event has its own savepoint.
     */
    public boolean deferring() {
        return unwritten.active() && !failedBatches.retrying();
    }

    /** The version the generation of {@code readModel} that reads answer from has reached for a commitment; empty before its first event. */
    public Optional<Long> version(String readModel, String commitmentId) {
        return jdbc.sql("SELECT version FROM query.applied_version WHERE read_model = ? AND commitment_id = ?"
                        + " AND generation = " + serving(readModel))
                .param(readModel)
                .param(commitmentId)
                .query(Long.class)
                .optional();
    }

    /**
     * For a reset handler: the next events build a new generation beside the one reads answer
     * from, which replaces it once it has passed the newest event of the moment (its target, set
     * by {@link GenerationSwitch} when it first sees the new generation).
     */
    public void startOver(String readModel) {
        int updated = jdbc.sql("UPDATE query.read_model_generation SET generation = generation + 1, target = NULL"
                        + " WHERE read_model = ?")
                .param(readModel)
                .update();
        if (updated == 0) {
            throw new IllegalStateException("no generation for read model " + readModel);
        }
        progressOfTransaction.clear();
    }

    /** Records the versions applied, in one statement (its arrays are unnested into rows). */
    private void write(Map<Key, Progress> applied) {
        List<Map.Entry<Key, Progress>> entries = List.copyOf(applied.entrySet());
        jdbc.sql("""
                        INSERT INTO query.applied_version (read_model, commitment_id, version, generation)
                        SELECT * FROM unnest(CAST(:readModels AS VARCHAR[]), CAST(:commitmentIds AS VARCHAR[]),
                            CAST(:versions AS BIGINT[]), CAST(:generations AS BIGINT[]))
                        ON CONFLICT (read_model, commitment_id, generation) DO UPDATE SET version = EXCLUDED.version
                        """)
                .param("readModels", entries.stream().map(e -> e.getKey().readModel()).toArray(String[]::new))
                .param("commitmentIds", entries.stream().map(e -> e.getKey().commitmentId()).toArray(String[]::new))
                .param("versions", entries.stream().map(e -> e.getValue().version()).toArray(Long[]::new))
                .param("generations", entries.stream().map(e -> e.getValue().current()).toArray(Long[]::new))
                .update();
    }

    private record Key(String readModel, String commitmentId) {
    }

    /** The generation being written and the version it has reached for a commitment (null: none yet). */
    private record Progress(long current, Long version) {
    }

    /**
     * The progress of a commitment, from this transaction's cache or else looked up together with
     * that of every commitment of the processor's batch not yet known: what PostgreSQL holds
     * before this savepoint, so true whatever becomes of the change.
     */
    private Progress lookUp(Key key) {
        Progress known = progressOfTransaction.get(key);
        if (known != null) {
            return known;
        }
        Set<String> ids = BatchCommitments.ids();
        ids.removeIf(id -> progressOfTransaction.get(new Key(key.readModel(), id)) != null);
        ids.add(key.commitmentId());
        Map<String, Progress> found = progress(key.readModel(), ids);
        found.forEach((id, progress) -> progressOfTransaction.put(new Key(key.readModel(), id), progress));
        return found.get(key.commitmentId());
    }

    private Map<String, Progress> progress(String readModel, Set<String> commitmentIds) {
        Map<String, Progress> found = new HashMap<>();
        // One look-up by primary key per commitment, as a subquery: as a join, PostgreSQL scanned
        // the read model's whole applied_version for every batch, a cost that grew with the
        // number of commitments (6 ms a batch at 1,000 of them; pg_stat_statements, BENCHMARKS.md).
        jdbc.sql("""
                        SELECT g.generation AS current, i.id,
                            (SELECT a.version FROM query.applied_version a WHERE a.read_model = g.read_model
                                AND a.commitment_id = i.id AND a.generation = g.generation) AS version
                        FROM query.read_model_generation g
                        CROSS JOIN unnest(CAST(:commitmentIds AS VARCHAR[])) AS i (id)
                        WHERE g.read_model = :readModel
                        """)
                .param("readModel", readModel)
                .param("commitmentIds", commitmentIds.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString("id"), new Progress(rs.getLong("current"), rs.getObject("version", Long.class)));
                });
        if (found.isEmpty()) {
            throw new IllegalStateException("no generation for read model " + readModel);
        }
        return found;
    }
}
