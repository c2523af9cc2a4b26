package org.commitmenttracker.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.commitmenttracker.query.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.UnexpectedRollbackException;

/** The rules every projection applies its events by, on a scratch read model ("timeline" rows). */
class AppliedVersionsTest {

    private static final String READ_MODEL = "timeline";

    private static ReadModelDatabase db;

    @BeforeAll
    static void database() {
        db = ReadModelDatabase.create();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anEventIsAppliedOnlyAboveTheVersionReached() {
        String id = newId();
        List<Long> applied = new ArrayList<>();

        db.inTransaction(() -> {
            db.versions.apply(READ_MODEL, id, 1, (generation, reached) -> applied.add(1L));
            db.versions.apply(READ_MODEL, id, 2, (generation, reached) -> applied.add(2L));
            db.versions.apply(READ_MODEL, id, 2, (generation, reached) -> applied.add(2L));
            db.versions.apply(READ_MODEL, id, 1, (generation, reached) -> applied.add(1L));
        });

        assertThat(applied).containsExactly(1L, 2L);
        assertThat(db.versions.version(READ_MODEL, id)).contains(2L);
    }

    /**
     * A batch is applied without a savepoint per event; one failing event fails it as a whole,
     * and Axon's retry of the same batch undoes that event alone, so that the dead-letter queue
     * can park it in the same transaction and the rest commits.
     */
    @Test
    void aFailingEventFailsItsBatchWhoseRetryUndoesThatEventAlone() {
        String poisoned = newId();
        String healthy = newId();
        List<EventMessage<?>> batch = List.of(GenericEventMessage.asEventMessage(poisoned),
                GenericEventMessage.asEventMessage(healthy));
        List<Exception> parked = new ArrayList<>();
        Runnable work = () -> {
            try {
                db.versions.apply(READ_MODEL, poisoned, 1, (generation, reached) -> {
                    addName(poisoned, "fine so far");
                    addName(poisoned, "x".repeat(81)); // longer than the column: PostgreSQL refuses the statement
                });
            } catch (DataAccessException e) {
                parked.add(e); // as Axon's dead-letter queue does
            }
            db.versions.apply(READ_MODEL, healthy, 1, (generation, reached) -> addName(healthy, "applied"));
        };

        assertThatThrownBy(() -> db.inBatch(batch, work)).isInstanceOf(DataAccessException.class);
        assertThat(db.versions.version(READ_MODEL, healthy)).isEmpty();
        assertThat(names(healthy)).isEmpty();

        db.inBatch(batch, work);

        assertThat(parked).hasSize(2);
        assertThat(db.versions.version(READ_MODEL, poisoned)).isEmpty();
        assertThat(names(poisoned)).isEmpty();
        assertThat(db.versions.version(READ_MODEL, healthy)).contains(1L);
        assertThat(names(healthy)).containsExactly("applied");
    }

    @Test
    void aChangeThatFailsOutsideTheDatabaseStillFailsItsWholeBatch() {
        String failing = newId();
        String healthy = newId();
        List<EventMessage<?>> batch = List.of(GenericEventMessage.asEventMessage(failing));

        assertThatThrownBy(() -> db.inBatch(batch, () -> {
            db.versions.apply(READ_MODEL, healthy, 1, (generation, reached) -> addName(healthy, "applied"));
            try {
                db.versions.apply(READ_MODEL, failing, 1, (generation, reached) -> {
                    addName(failing, "written");
                    throw new IllegalStateException("a bug in the fold");
                });
            } catch (IllegalStateException e) {
                // parked by the dead-letter queue, yet the name written before the bug must not commit
            }
        })).isInstanceOf(UnexpectedRollbackException.class);

        assertThat(names(failing)).isEmpty();
        assertThat(names(healthy)).isEmpty();
    }

    @Test
    void afterAResetTheNextEventOfACommitmentStartsItOverInTheNewGeneration() {
        String id = newId();
        db.inTransaction(() -> {
            db.versions.apply(READ_MODEL, id, 1, (generation, reached) -> addName(id, "first"));
            db.versions.apply(READ_MODEL, id, 2, (generation, reached) -> addName(id, "second"));
        });
        List<Boolean> startedOver = new ArrayList<>();

        db.inTransaction(() -> db.versions.startOver(READ_MODEL));
        assertThat(names(id)).containsExactly("first", "second");
        assertThat(db.versions.version(READ_MODEL, id)).contains(2L);

        db.inTransaction(() -> {
            db.versions.apply(READ_MODEL, id, 1, (generation, reached) -> startedOver.add(reached == null));
            db.versions.apply(READ_MODEL, id, 2, (generation, reached) -> startedOver.add(reached == null));
        });
        assertThat(startedOver).containsExactly(true, false);
        assertThat(db.versions.version(READ_MODEL, id)).contains(2L);
        db.generations.switchOver(READ_MODEL);
        assertThat(db.versions.version(READ_MODEL, id)).contains(2L);
    }

    private static void addName(String commitmentId, String childId) {
        db.jdbc.sql("INSERT INTO query.timeline_name (commitment_id, generation, kind, child_id, name) VALUES (?, 1, 'TEST', ?, 'n')")
                .params(commitmentId, childId)
                .update();
    }

    private static List<String> names(String commitmentId) {
        return db.jdbc.sql("SELECT child_id FROM query.timeline_name WHERE commitment_id = ? ORDER BY child_id")
                .param(commitmentId)
                .query(String.class)
                .list();
    }

    private static String newId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
