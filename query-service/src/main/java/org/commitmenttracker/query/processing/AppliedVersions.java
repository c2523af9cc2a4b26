package org.commitmenttracker.query.processing;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How far each read model has got with each commitment, and the one way a projection applies
 * an event: idempotent, replayable, and in a savepoint.
 *
 * <p>Idempotent: the event at {@code version} is applied only above the version recorded for
 * its commitment, so a redelivered event never counts twice. The change, the recorded version
 * and the processor's token commit in the processor's one transaction.
 *
 * <p>Replayable without blanking the reads: a reset raises the read model's generation instead
 * of deleting its rows. The first event of a commitment seen in a newer generation tells the
 * projection to start that commitment over (replace its rows), so until a replay reaches a
 * commitment, its old rows keep answering.
 *
 * <p>In a savepoint: PostgreSQL refuses every statement of a transaction after one failed, so
 * a failing event is rolled back to its savepoint and the rest of the batch, and Axon's
 * dead-letter queue parking that event, carry on in the same transaction.
 */
@Component
public class AppliedVersions {

    /** The change one event makes to a read model. */
    @FunctionalInterface
    public interface Change {
        /**
         * @param startOver true when the read model holds no rows of the current generation for this
         *                  commitment: delete whatever older rows it has and build from nothing
         */
        void apply(boolean startOver);
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    public AppliedVersions(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Applies the event at {@code version} of a commitment to {@code readModel}, unless already applied.
     *
     * @return whether the change was applied
     */
    public boolean apply(String readModel, String commitmentId, long version, Change change) {
        Boolean applied = savepoint.execute(status -> {
            Progress progress = progress(readModel, commitmentId);
            boolean startOver = progress.version() == null || progress.generation() < progress.current();
            if (!startOver && progress.version() >= version) {
                return false;
            }
            change.apply(startOver);
            jdbc.sql("""
                            INSERT INTO query.applied_version (read_model, commitment_id, version, generation)
                            VALUES (:readModel, :commitmentId, :version, :generation)
                            ON CONFLICT (read_model, commitment_id)
                            DO UPDATE SET version = EXCLUDED.version, generation = EXCLUDED.generation
                            """)
                    .param("readModel", readModel)
                    .param("commitmentId", commitmentId)
                    .param("version", version)
                    .param("generation", progress.current())
                    .update();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }

    /** The version {@code readModel} has reached for a commitment; empty before its first event. */
    public Optional<Long> version(String readModel, String commitmentId) {
        return jdbc.sql("SELECT version FROM query.applied_version WHERE read_model = ? AND commitment_id = ?")
                .param(readModel)
                .param(commitmentId)
                .query(Long.class)
                .optional();
    }

    /** For a reset handler: the next events build a new generation; the current rows stay readable until replaced. */
    public void startOver(String readModel) {
        int updated = jdbc.sql("UPDATE query.read_model_generation SET generation = generation + 1 WHERE read_model = ?")
                .param(readModel)
                .update();
        if (updated == 0) {
            throw new IllegalStateException("no generation for read model " + readModel);
        }
    }

    private record Progress(long current, Long version, Long generation) {
    }

    private Progress progress(String readModel, String commitmentId) {
        return jdbc.sql("""
                        SELECT g.generation AS current, a.version, a.generation
                        FROM query.read_model_generation g
                        LEFT JOIN query.applied_version a ON a.read_model = g.read_model AND a.commitment_id = :commitmentId
                        WHERE g.read_model = :readModel
                        """)
                .param("readModel", readModel)
                .param("commitmentId", commitmentId)
                .query((rs, row) -> new Progress(rs.getLong("current"), rs.getObject("version", Long.class),
                        rs.getObject("generation", Long.class)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no generation for read model " + readModel));
    }
}
