package org.commitmenttracker.query.commitment;

import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactKind;
import org.commitmenttracker.events.correction.FactRetracted;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.query.Facts;
import org.commitmenttracker.query.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Corrections and retractions reach every read of the commitment's fold: the detail and the ledger. */
class CorrectionProjectionTest {

    private static final Map<String, List<CommitmentEvent>> STREAMS = new ConcurrentHashMap<>();
    private static ReadModelDatabase db;
    private static CommitmentReadModel commitments;
    private static CommitmentProjection projection;

    @BeforeAll
    static void database() {
        db = ReadModelDatabase.create();
        commitments = new CommitmentReadModel(db.jdbc, db.namedJdbc, db.objectMapper);
        CommitmentStreams streams = (id, version) -> {
            List<CommitmentFold.VersionedEvent> upTo = new ArrayList<>();
            List<CommitmentEvent> stream = STREAMS.get(id);
            for (int i = 0; i < version; i++) {
                upTo.add(new CommitmentFold.VersionedEvent(stream.get(i), i + 1));
            }
            return upTo;
        };
        projection = new CommitmentProjection(commitments, db.versions, streams, ReadModelDatabase.REMEMBERED_HEAP_PERCENT);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aCorrectedDisbursementCountsWithItsCorrectedAmountInTheDetailAndTheLedger() {
        String id = newId();
        FundsDisbursed typo = Facts.disbursed(id, "v-1", "250000.00", LocalDate.of(2022, 3, 1));
        FundsDisbursed right = Facts.disbursed(id, "v-1", "2500000.00", LocalDate.of(2022, 3, 1));
        deliver(id, List.of(Facts.laborAnnounced(id), Facts.pledged(id, "130000000.00"), typo,
                new FactCorrected(id, FactKind.DISBURSEMENT, "v-1", "FundsDisbursed", right, "keyed 250,000 for 2.5M",
                        LocalDate.of(2022, 3, 20))));

        FoldedCommitment state = commitments.state(id).orElseThrow();
        assertThat(state.detail().funding().disbursed().value()).isEqualByComparingTo("2500000.00");
        assertThat(state.ledger().disbursed().value()).isEqualByComparingTo("2500000.00");
        assertThat(state.version()).isEqualTo(4);
    }

    @Test
    void aRetractedDisbursementIsGoneAndLaterFactsStillFoldOntoTheCorrectedState() {
        String id = newId();
        deliver(id, List.of(Facts.laborAnnounced(id), Facts.pledged(id, "130000000.00"),
                Facts.disbursed(id, "v-1", "80.00", LocalDate.of(2022, 3, 1)),
                new FactRetracted(id, FactKind.DISBURSEMENT, "v-1", "FundsDisbursed", "entered in error",
                        LocalDate.of(2022, 3, 2)),
                Facts.disbursed(id, "v-2", "30.00", LocalDate.of(2022, 3, 3))));

        FoldedCommitment state = commitments.state(id).orElseThrow();
        assertThat(state.ledger().disbursed().value()).isEqualByComparingTo("30.00");
        assertThat(state.version()).isEqualTo(5);
    }

    private static void deliver(String id, List<CommitmentEvent> events) {
        STREAMS.put(id, events);
        db.inTransaction(() -> {
            for (int i = 0; i < events.size(); i++) {
                projection.on(events.get(i), i);
            }
        });
    }

    private static String newId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
