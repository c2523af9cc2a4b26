package org.commitmenttracker.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.query.Facts.totalUsd;
import static org.commitmenttracker.query.Facts.usd;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.events.value.Rating;
import org.commitmenttracker.query.Facts;
import org.commitmenttracker.query.commitment.CommitmentProjection;
import org.commitmenttracker.query.commitment.CommitmentReadModel;
import org.commitmenttracker.query.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard counts every commitment in the database, so each test starts from an empty one. */
class DashboardProjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 10, 15);

    private static ReadModelDatabase db;
    private static DashboardReadModel dashboard;
    private static CommitmentProjection projection;

    @BeforeAll
    static void database() {
        db = ReadModelDatabase.create();
        dashboard = new DashboardReadModel(db.jdbc);
        projection = new CommitmentProjection(new CommitmentReadModel(db.jdbc, db.namedJdbc, db.objectMapper), db.versions, ReadModelDatabase.NO_CORRECTIONS, ReadModelDatabase.REMEMBERED_HEAP_PERCENT);
    }

    @BeforeEach
    void noCommitmentsYet() {
        db.jdbc.sql("DELETE FROM query.commitment").update();
        db.jdbc.sql("DELETE FROM query.dialogue").update();
        db.jdbc.sql("DELETE FROM query.applied_version WHERE read_model = 'commitments'").update();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void countsEveryCommitmentByStatusAndRatingAndSumsTheFunding() {
        String labor = newId();
        String hled = newId();
        String security = newId();
        deliver(List.of(Facts.laborAnnounced(labor), Facts.pledged(labor, "130000000.00"),
                Facts.obligated(labor, "ilab-2021-01", "30000000.00", LocalDate.of(2021, 9, 1)),
                Facts.disbursed(labor, "v-2021-001", "2000000.00", LocalDate.of(2021, 9, 20)),
                Facts.disbursed(labor, "v-2022-001", "10000000.00", LocalDate.of(2021, 11, 15)),
                Facts.reversed(labor, "v-2021-001", "2000000.00", LocalDate.of(2021, 12, 1)),
                Facts.assessed(labor, Rating.IN_PROGRESS, LocalDate.of(2021, 12, 2))));
        deliver(List.of(Facts.hledAnnounced(hled), Facts.hledScheduled(hled), Facts.hledHeld(hled),
                Facts.assessed(hled, Rating.ACHIEVED, LocalDate.of(2021, 9, 10))));
        deliver(List.of(Facts.hledAnnounced(security)));

        Dashboard figures = dashboard.dashboard(TODAY);

        assertThat(figures.commitments()).isEqualTo(3);
        assertThat(figures.byStatus()).containsEntry("ANNOUNCED", 1L).containsEntry("IN_PROGRESS", 2L)
                .containsEntry("FULFILLED", 0L).containsEntry("WITHDRAWN", 0L);
        assertThat(figures.byRating()).containsEntry("IN_PROGRESS", 1L).containsEntry("ACHIEVED", 1L)
                .containsEntry("UNRATED", 1L).containsEntry("STALLED", 0L);
        assertThat(figures.byRating().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        // the HLED and the security dialogue were due by 2021-09-30 and are still open
        assertThat(figures.overdue()).isEqualTo(2);
        assertThat(figures.funding()).containsOnlyKeys("USD");
        assertThat(figures.funding().get("USD")).isEqualTo(new Dashboard.Funding(totalUsd("130000000.00"),
                totalUsd("30000000.00"), totalUsd("10000000.00")));
    }

    @Test
    void anEventDeliveredTwiceCountsOnce() {
        String labor = newId();
        List<CommitmentEvent> events = List.of(Facts.laborAnnounced(labor), Facts.pledged(labor, "100.00"),
                Facts.disbursed(labor, "v-1", "40.00", LocalDate.of(2021, 9, 20)));
        deliver(events);

        db.inTransaction(() -> {
            projection.on(events.get(2), 2);
            projection.on(events.get(1), 1);
            projection.on(events.get(0), 0);
        });

        Dashboard figures = dashboard.dashboard(TODAY);
        assertThat(figures.commitments()).isEqualTo(1);
        assertThat(figures.funding().get("USD").disbursed()).isEqualTo(totalUsd("40.00"));
        assertThat(figures.funding().get("USD").pledged()).isEqualTo(totalUsd("100.00"));
    }

    @Test
    void aClosedCommitmentIsNeverOverdueAndFundingIsPerCurrency() {
        String withdrawn = newId();
        String pesos = newId();
        deliver(List.of(Facts.hledAnnounced(withdrawn), new CommitmentWithdrawn(withdrawn, LocalDate.of(2021, 8, 1),
                "Superseded")));
        deliver(List.of(Facts.laborAnnounced(pesos), new org.commitmenttracker.events.funding.FundsPledged(pesos, "p",
                new Money(new java.math.BigDecimal("500.00"), "MXN"), Facts.VISIT, LocalDate.of(2022, 1, 1), "SRE",
                Facts.VISIT, null)));

        Dashboard figures = dashboard.dashboard(TODAY);

        assertThat(figures.byStatus()).containsEntry("WITHDRAWN", 1L);
        assertThat(figures.overdue()).isZero();
        assertThat(figures.funding().get("MXN").pledged()).isEqualTo(new org.commitmenttracker.query.funding.Total(new java.math.BigDecimal("500.00"), "MXN"));
        assertThat(figures.funding().get("MXN").disbursed()).isEqualTo(org.commitmenttracker.query.funding.Total.zero("MXN"));
    }

    @Test
    void upcomingDialoguesAreTheScheduledOnesNotYetPast() {
        String hled = newId();
        deliver(List.of(Facts.hledAnnounced(hled), Facts.hledScheduled(hled),
                new DialogueScheduled(hled, "hled-2022", "HLED 2022", LocalDate.of(2022, 9, 12),
                        LocalDate.of(2022, 9, 12), "Mexico City", LocalDate.of(2021, 9, 9))));

        assertThat(dashboard.dashboard(TODAY).upcomingDialogues()).containsExactly(new Dashboard.UpcomingDialogue(
                hled, "High-Level Economic Dialogue (HLED)", "hled-2022", "HLED 2022", LocalDate.of(2022, 9, 12),
                LocalDate.of(2022, 9, 12), "Mexico City"));
    }

    @Test
    void aReplayCountsTheSameWhileAndAfterItRuns() {
        String hled = newId();
        List<CommitmentEvent> events = List.of(Facts.hledAnnounced(hled), Facts.hledScheduled(hled),
                Facts.assessed(hled, Rating.STALLED, LocalDate.of(2021, 9, 10)));
        deliver(events);
        Dashboard before = dashboard.dashboard(TODAY);

        db.inTransaction(projection::reset);
        assertThat(dashboard.dashboard(TODAY)).isEqualTo(before);
        deliver(events);
        assertThat(dashboard.dashboard(TODAY)).isEqualTo(before);
        db.generations.switchOver(CommitmentProjection.NAME);

        assertThat(dashboard.dashboard(TODAY)).isEqualTo(before);
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
}
