package org.commitmenttracker.query.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.query.Facts.totalUsd;
import static org.commitmenttracker.query.Facts.usd;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.funding.PledgeRevised;
import org.commitmenttracker.query.Facts;
import org.commitmenttracker.query.ReadModelDatabase;
import org.commitmenttracker.query.commitment.CommitmentProjection;
import org.commitmenttracker.query.commitment.CommitmentReadModel;
import org.commitmenttracker.query.commitment.FoldedCommitment;
import org.commitmenttracker.query.funding.FundingLedger.Entry;
import org.commitmenttracker.query.funding.FundingLedger.FiscalYear;
import org.commitmenttracker.query.funding.FundingLedger.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LedgerProjectionTest {

    private static ReadModelDatabase db;
    private static CommitmentReadModel ledgers;
    private static CommitmentProjection projection;

    @BeforeAll
    static void database() {
        db = ReadModelDatabase.create();
        ledgers = new CommitmentReadModel(db.jdbc, db.namedJdbc, db.objectMapper);
        projection = new CommitmentProjection(ledgers, db.versions, ReadModelDatabase.NO_CORRECTIONS, ReadModelDatabase.REMEMBERED_HEAP_PERCENT);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** The labor pledge in 2021: a disbursement of November 2021 is in FY2022. */
    @Test
    void ledgerOfTheLaborCommitmentTotalsNetOfReversalsAndByFiscalYear() {
        String id = newId();
        deliver(laborCourse(id));

        FundingLedger ledger = ledger(id);

        assertThat(ledger.currency()).isEqualTo("USD");
        assertThat(ledger.pledged()).isEqualTo(totalUsd("130000000.00"));
        assertThat(ledger.obligated()).isEqualTo(totalUsd("30000000.00"));
        assertThat(ledger.disbursed()).isEqualTo(totalUsd("10000000.00"));
        assertThat(ledger.reversed()).isEqualTo(totalUsd("2000000.00"));
        assertThat(ledger.available()).isEqualTo(totalUsd("20000000.00"));
        assertThat(ledger.byFiscalYear()).containsExactly(
                new FiscalYear("FY2021", totalUsd("2000000.00"), totalUsd("0.00")),
                new FiscalYear("FY2022", totalUsd("8000000.00"), totalUsd("2000000.00")));
        assertThat(ledger.entries()).extracting(Entry::kind, Entry::date, Entry::id, Entry::counterpart)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.PLEDGE, Facts.VISIT, "dol-technical-assistance",
                                "Department of Labor"),
                        org.assertj.core.groups.Tuple.tuple(Kind.OBLIGATION, LocalDate.of(2021, 9, 1), "ilab-2021-01",
                                "ILO"),
                        org.assertj.core.groups.Tuple.tuple(Kind.DISBURSEMENT, LocalDate.of(2021, 9, 20), "v-2021-001",
                                "ILO"),
                        org.assertj.core.groups.Tuple.tuple(Kind.DISBURSEMENT, LocalDate.of(2021, 11, 15), "v-2022-001",
                                "ILO"),
                        org.assertj.core.groups.Tuple.tuple(Kind.REVERSAL, LocalDate.of(2021, 12, 1), "v-2021-001",
                                "ILO"));
        assertThat(ledger.entries().get(4).note()).isEqualTo("Paid twice");
        assertThat(ledger.entries().get(4).amount()).isEqualTo(usd("2000000.00"));
    }

    @Test
    void anEventDeliveredTwiceCountsOnce() {
        String id = newId();
        List<CommitmentEvent> events = laborCourse(id);
        deliver(events);

        db.inTransaction(() -> projection.on(events.get(4), 4));
        db.inTransaction(() -> projection.on(events.get(5), 5));

        FundingLedger ledger = ledger(id);
        assertThat(ledger.disbursed()).isEqualTo(totalUsd("10000000.00"));
        assertThat(ledger.reversed()).isEqualTo(totalUsd("2000000.00"));
        assertThat(ledger.entries()).hasSize(5);
        assertThat(ledgers.version(id)).contains(6L);
    }

    @Test
    void aRevisedPledgeCountsWithItsNewAmount() {
        String id = newId();
        deliver(List.of(Facts.laborAnnounced(id), Facts.pledged(id, "130000000.00"),
                new PledgeRevised(id, "dol-technical-assistance", usd("120000000.00"), "Budget cut",
                        LocalDate.of(2022, 1, 5), null)));

        FundingLedger ledger = ledger(id);

        assertThat(ledger.pledged()).isEqualTo(totalUsd("120000000.00"));
        assertThat(ledger.entries()).extracting(Entry::kind).containsExactly(Kind.PLEDGE, Kind.PLEDGE_REVISION);
    }

    @Test
    void whileNothingIsObligatedThePledgeIsWhatRemainsAvailable() {
        String id = newId();
        deliver(List.of(Facts.laborAnnounced(id), Facts.pledged(id, "1000.00"),
                Facts.disbursed(id, "v-1", "250.00", LocalDate.of(2021, 7, 1))));

        assertThat(ledger(id).available()).isEqualTo(totalUsd("750.00"));
    }

    @Test
    void aCommitmentWithoutPledgeHasAnEmptyLedgerAtItsVersion() {
        String id = newId();
        deliver(List.of(Facts.hledAnnounced(id), Facts.hledScheduled(id)));

        FundingLedger ledger = ledger(id);

        assertThat(ledgers.version(id)).contains(2L);
        assertThat(ledger.currency()).isNull();
        assertThat(ledger.pledged()).isNull();
        assertThat(ledger.entries()).isEmpty();
        assertThat(ledger.byFiscalYear()).isEmpty();
    }

    @Test
    void aReplayRebuildsTheSameLedger() {
        String id = newId();
        List<CommitmentEvent> events = laborCourse(id);
        deliver(events);
        FundingLedger before = ledger(id);

        db.inTransaction(projection::reset);
        assertThat(ledger(id)).isEqualTo(before);
        deliver(events);
        assertThat(ledger(id)).isEqualTo(before);
        db.generations.switchOver(CommitmentProjection.NAME);

        assertThat(ledger(id)).isEqualTo(before);
        assertThat(ledgers.version(id)).contains((long) events.size());
    }

    static List<CommitmentEvent> laborCourse(String id) {
        return List.of(Facts.laborAnnounced(id), Facts.pledged(id, "130000000.00"),
                Facts.obligated(id, "ilab-2021-01", "30000000.00", LocalDate.of(2021, 9, 1)),
                Facts.disbursed(id, "v-2021-001", "2000000.00", LocalDate.of(2021, 9, 20)),
                Facts.disbursed(id, "v-2022-001", "10000000.00", LocalDate.of(2021, 11, 15)),
                Facts.reversed(id, "v-2021-001", "2000000.00", LocalDate.of(2021, 12, 1)));
    }

    private static void deliver(List<CommitmentEvent> events) {
        db.inTransaction(() -> {
            for (int i = 0; i < events.size(); i++) {
                projection.on(events.get(i), i);
            }
        });
    }

    private static String newId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static FundingLedger ledger(String id) {
        return ledgers.state(id).map(FoldedCommitment::ledger).orElseThrow();
    }
}
