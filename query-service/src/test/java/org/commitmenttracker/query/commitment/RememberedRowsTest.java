package org.commitmenttracker.query.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.Facts;
import org.commitmenttracker.query.ReadModelDatabase;
import org.commitmenttracker.query.processing.CommitmentRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The folded rows a processor remembers between its batches: used instead of reading the row
 * back only while PostgreSQL still holds that version, so nothing another writer committed, and
 * nothing a failed batch folded, is ever folded onto.
 */
class RememberedRowsTest {

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
    void theNextBatchOfACommitmentFoldsOntoTheRememberedRowWithoutReadingItBack() {
        String id = newId();
        Counting counting = new Counting();
        CommitmentRows<FoldedCommitment> rows = rows(counting);

        batch(rows, id, 1, Facts.laborAnnounced(id), Facts.pledged(id, "100.00"));
        int readsAfterFirst = counting.reads(id);
        batch(rows, id, 3, Facts.disbursed(id, "v-1", "10.00", LocalDate.of(2021, 8, 1)));
        batch(rows, id, 4, Facts.disbursed(id, "v-2", "5.00", LocalDate.of(2021, 8, 2)));

        assertThat(counting.reads(id)).isEqualTo(readsAfterFirst);
        assertThat(disbursed(id)).isEqualByComparingTo("15.00");
        assertThat(table.version(id)).contains(4L);
    }

    @Test
    void aRowAnotherWriterMovedOnIsReadAgainAndNoneOfItsFactsIsLost() {
        String id = newId();
        Counting counting = new Counting();
        CommitmentRows<FoldedCommitment> here = rows(counting);
        CommitmentRows<FoldedCommitment> elsewhere = rows(new Counting()); // another instance, once the segment moved

        batch(here, id, 1, Facts.laborAnnounced(id), Facts.pledged(id, "100.00"));
        batch(elsewhere, id, 3, Facts.disbursed(id, "v-1", "10.00", LocalDate.of(2021, 8, 1)));
        int readsBefore = counting.reads(id);
        batch(here, id, 4, Facts.disbursed(id, "v-2", "5.00", LocalDate.of(2021, 8, 2)));

        assertThat(counting.reads(id)).isGreaterThan(readsBefore);
        assertThat(disbursed(id)).isEqualByComparingTo("15.00");
    }

    @Test
    void whatABatchThatRolledBackFoldedIsNotRemembered() {
        String id = newId();
        CommitmentRows<FoldedCommitment> rows = rows(new Counting());
        batch(rows, id, 1, Facts.laborAnnounced(id), Facts.pledged(id, "100.00"));

        assertThatThrownBy(() -> db.inTransaction(() -> {
            rows.apply(id, 3, current -> CommitmentFold.evolve(current,
                    Facts.disbursed(id, "v-1", "10.00", LocalDate.of(2021, 8, 1)), 3));
            throw new IllegalStateException("the batch failed after the fold");
        })).isInstanceOf(IllegalStateException.class);
        batch(rows, id, 3, Facts.disbursed(id, "v-2", "5.00", LocalDate.of(2021, 8, 2)));

        assertThat(disbursed(id)).isEqualByComparingTo("5.00");
        assertThat(table.version(id)).contains(3L);
    }

    @Test
    void commitmentsTakenInTurnAreAllRememberedWhileTheirMemoryAllowsItAsInAReplay() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(newId());
        }
        Counting counting = new Counting();
        // 300 rows of 3 events weigh about 780 kB by the estimate; a count of 100 would thrash.
        CommitmentRows<FoldedCommitment> rows = rows(counting, 1_000_000);
        ids.forEach(id -> batch(rows, id, 1, Facts.laborAnnounced(id), Facts.pledged(id, "100.00")));
        int readsAfterFirstRound = counting.reads();

        ids.forEach(id -> batch(rows, id, 3, Facts.disbursed(id, "v-1", "10.00", LocalDate.of(2021, 8, 1))));

        assertThat(counting.reads()).isEqualTo(readsAfterFirstRound);
        assertThat(disbursed(ids.get(0))).isEqualByComparingTo("10.00");
        assertThat(disbursed(ids.get(299))).isEqualByComparingTo("10.00");
    }

    @Test
    void aRowHeavierThanTheRememberedMemoryIsReadBackEachTimeAndNoneOfItsFactsIsLost() {
        String id = newId();
        Counting counting = new Counting();
        CommitmentRows<FoldedCommitment> rows = rows(counting, 1_000); // less than any folded commitment
        batch(rows, id, 1, Facts.laborAnnounced(id), Facts.pledged(id, "100.00"));
        int readsBefore = counting.reads(id);

        batch(rows, id, 3, Facts.disbursed(id, "v-1", "10.00", LocalDate.of(2021, 8, 1)));
        batch(rows, id, 4, Facts.disbursed(id, "v-2", "5.00", LocalDate.of(2021, 8, 2)));

        assertThat(counting.reads(id)).isEqualTo(readsBefore + 2);
        assertThat(disbursed(id)).isEqualByComparingTo("15.00");
    }

    private static CommitmentRows<FoldedCommitment> rows(Counting counting) {
        return rows(counting, 10_000_000);
    }

    private static CommitmentRows<FoldedCommitment> rows(Counting counting, long rememberedBytes) {
        return new CommitmentRows<>(CommitmentProjection.NAME, counting, db.versions,
                new CommitmentRows.Memory<>(rememberedBytes, CommitmentProjection::estimatedBytes));
    }

    /** Applies {@code events} from version {@code first} on, in one transaction, like a processor's batch. */
    private static void batch(CommitmentRows<FoldedCommitment> rows, String id, long first, CommitmentEvent... events) {
        db.inTransaction(() -> {
            for (int i = 0; i < events.length; i++) {
                long version = first + i;
                CommitmentEvent event = events[i];
                rows.apply(id, version, current -> CommitmentFold.evolve(current, event, version));
            }
        });
    }

    private static java.math.BigDecimal disbursed(String id) {
        return table.state(id).orElseThrow().detail().funding().disbursed().value();
    }

    /** The real table, counting which commitments' rows were read back. */
    private static final class Counting implements CommitmentRows.Table<FoldedCommitment> {

        private final List<String> read = new ArrayList<>();

        int reads() {
            return read.size();
        }

        int reads(String id) {
            return (int) read.stream().filter(id::equals).count();
        }

        @Override
        public Map<String, FoldedCommitment> find(Set<String> ids, long generation) {
            read.addAll(ids);
            return table.find(ids, generation);
        }

        @Override
        public boolean save(FoldedCommitment row, FoldedCommitment stored, long generation) {
            return table.save(row, stored, generation);
        }

        @Override
        public void saveAll(Collection<CommitmentRows.Write<FoldedCommitment>> rows) {
            table.saveAll(rows);
        }
    }

    private static String newId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
