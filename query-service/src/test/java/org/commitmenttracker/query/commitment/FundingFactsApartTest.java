package org.commitmenttracker.query.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.Facts;
import org.commitmenttracker.query.ReadModelDatabase;
import org.commitmenttracker.query.funding.FundingLedger;
import org.commitmenttracker.query.processing.CommitmentRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A commitment's funding facts are rows of their own, apart from its stored state (migration
 * V59): what is read back is the fold as written, facts in order, whether the next fold only
 * added facts or took one back; and the states stored before the migration keep their facts.
 */
class FundingFactsApartTest {

    private static ReadModelDatabase db;
    private static CommitmentReadModel table;

    @BeforeAll
    static void database() {
        db = ReadModelDatabase.create();
        table = new CommitmentReadModel(db.jdbc, db.namedJdbc, db.objectMapper);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aStateReadBackHasEveryFactInOrderAndTheStoredStateHoldsNone() {
        String id = newId();
        FoldedCommitment first = fold(Facts.laborAnnounced(id), Facts.pledged(id, "100.00"),
                Facts.disbursed(id, "v-1", "10.00", LocalDate.of(2021, 8, 1)));
        FoldedCommitment second = fold(Facts.laborAnnounced(id), Facts.pledged(id, "100.00"),
                Facts.disbursed(id, "v-1", "10.00", LocalDate.of(2021, 8, 1)),
                Facts.disbursed(id, "v-2", "5.00", LocalDate.of(2021, 8, 2)));

        db.inTransaction(() -> table.save(first, null, generation()));
        db.inTransaction(() -> table.save(second, first, generation()));

        assertThat(readBack(id)).isEqualTo(second.funding().entries());
        assertThat(table.state(id).orElseThrow().ledger().disbursed().value()).isEqualByComparingTo("15.00");
        assertThat(db.jdbc.sql("SELECT state FROM query.commitment WHERE id = ?").param(id).query(String.class).single())
                .doesNotContain("v-1");
    }

    @Test
    void aFoldThatTookAFactBackLeavesNoneOfItBehind() {
        String id = newId();
        FoldedCommitment withBoth = fold(Facts.laborAnnounced(id), Facts.pledged(id, "100.00"),
                Facts.disbursed(id, "v-1", "10.00", LocalDate.of(2021, 8, 1)),
                Facts.disbursed(id, "v-2", "5.00", LocalDate.of(2021, 8, 2)));
        // As a retraction of v-1 folds the stream again: v-1 is gone, v-2 stays, at a later version.
        FoldedCommitment withoutFirst = fold(Facts.laborAnnounced(id), Facts.pledged(id, "100.00"),
                Facts.disbursed(id, "v-2", "5.00", LocalDate.of(2021, 8, 2))).atVersion(5);

        db.inTransaction(() -> table.save(withBoth, null, generation()));
        db.inTransaction(() -> table.saveAll(List.of(
                new CommitmentRows.Write<>(withoutFirst, withBoth, generation()))));

        assertThat(readBack(id)).isEqualTo(withoutFirst.funding().entries());
        assertThat(table.state(id).orElseThrow().ledger().disbursed().value()).isEqualByComparingTo("5.00");
    }

    @Test
    void theFactsOfAStateStoredBeforeTheMigrationMoveToTheirRowsInOrder() {
        try (ReadModelDatabase old = ReadModelDatabase.createAt("58")) {
            String id = newId();
            FoldedCommitment state = fold(Facts.laborAnnounced(id), Facts.pledged(id, "100.00"),
                    Facts.disbursed(id, "v-1", "10.00", LocalDate.of(2021, 8, 1)),
                    Facts.disbursed(id, "v-2", "5.00", LocalDate.of(2021, 8, 2)));
            old.jdbc.sql("""
                            INSERT INTO query.commitment (id, generation, version, title, summary, category, status,
                                announced_on, lead_agencies, detail, state)
                            VALUES (?, 1, 4, 'Labor', 'Labor', 'LABOR', 'IN_PROGRESS', DATE '2021-06-08', '{}', '{}', ?)""")
                    .params(id, json(old, state))
                    .update();

            old.migrate();

            CommitmentReadModel migrated = new CommitmentReadModel(old.jdbc, old.namedJdbc, old.objectMapper);
            assertThat(migrated.state(id).orElseThrow().funding().entries()).isEqualTo(state.funding().entries());
            assertThat(old.jdbc.sql("SELECT state FROM query.commitment WHERE id = ?").param(id).query(String.class)
                    .single()).doesNotContain("v-1");
        }
    }

    private static List<FundingLedger.Entry> readBack(String id) {
        return table.find(Set.of(id), generation()).get(id).funding().entries();
    }

    private static long generation() {
        return db.jdbc.sql("SELECT generation FROM query.read_model_generation WHERE read_model = 'commitments'")
                .query(Long.class).single();
    }

    private static FoldedCommitment fold(CommitmentEvent... events) {
        FoldedCommitment state = null;
        for (int i = 0; i < events.length; i++) {
            state = CommitmentFold.evolve(state, events[i], i + 1);
        }
        return state;
    }

    private static String json(ReadModelDatabase database, FoldedCommitment state) {
        try {
            return database.objectMapper.writeValueAsString(state);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
