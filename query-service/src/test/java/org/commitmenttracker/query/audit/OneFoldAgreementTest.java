package org.commitmenttracker.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.query.Facts.totalUsd;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.query.Facts;
import org.commitmenttracker.query.ReadModelDatabase;
import org.commitmenttracker.query.commitment.CommitmentFold.VersionedEvent;
import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentProjection;
import org.commitmenttracker.query.commitment.CommitmentReadModel;
import org.commitmenttracker.query.commitment.FoldedCommitment;
import org.commitmenttracker.query.dashboard.Dashboard;
import org.commitmenttracker.query.dashboard.DashboardReadModel;
import org.commitmenttracker.query.funding.FundingLedger;
import org.commitmenttracker.query.funding.Total;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Odd but stored streams, through the one fold into the read models: the detail, the ledger,
 * the dashboard and the state as of today must agree to the cent, and none may fail.
 */
class OneFoldAgreementTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    private static ReadModelDatabase db;
    private static CommitmentReadModel commitments;
    private static CommitmentProjection projection;
    private static DashboardReadModel dashboard;

    @BeforeAll
    static void database() {
        db = ReadModelDatabase.create();
        commitments = new CommitmentReadModel(db.jdbc, db.namedJdbc, db.objectMapper);
        projection = new CommitmentProjection(commitments, db.versions, ReadModelDatabase.NO_CORRECTIONS, ReadModelDatabase.REMEMBERED_HEAP_PERCENT);
        dashboard = new DashboardReadModel(db.jdbc);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void noCommitmentsYet() {
        db.jdbc.sql("DELETE FROM query.commitment").update();
        db.jdbc.sql("DELETE FROM query.dialogue").update();
        db.jdbc.sql("DELETE FROM query.applied_version").update();
    }

    @Test
    void aRepeatedVoucherAndStrayOrRepeatedReversalsCountOnceOrNotAtAllEverywhere() throws Exception {
        String id = newId();
        LocalDate on = LocalDate.of(2021, 9, 20);
        List<CommitmentEvent> stream = List.of(Facts.laborAnnounced(id), Facts.pledged(id, "100.00"),
                Facts.disbursed(id, "v-1", "40.00", on),
                Facts.disbursed(id, "v-1", "40.00", on), // the same voucher again
                Facts.reversed(id, "v-unknown", "10.00", on), // a voucher never paid
                Facts.disbursed(id, "v-2", "30.00", on),
                Facts.reversed(id, "v-2", "30.00", on.plusDays(1)),
                Facts.reversed(id, "v-2", "30.00", on.plusDays(2))); // reversed twice
        deliver(stream);

        Figures figures = agreeingFigures(id, stream);

        assertThat(figures.pledged()).isEqualTo(new BigDecimal("100.00"));
        assertThat(figures.disbursed()).isEqualTo(new BigDecimal("40.00"));
        assertThat(figures.reversed()).isEqualTo(new BigDecimal("30.00"));
        assertThat(dashboard.dashboard(TODAY).funding().get("USD").disbursed()).isEqualTo(totalUsd("40.00"));
    }

    /** Each pledge is legal; their sum is above what one amount may be, and every read still answers. */
    @Test
    void anOverflowingPledgeLeavesEveryReadAnswering() throws Exception {
        String id = newId();
        List<CommitmentEvent> stream = List.of(Facts.laborAnnounced(id),
                new FundsPledged(id, "p-1", Money.of("999999999999999.99", "USD"), Facts.VISIT,
                        LocalDate.of(2024, 6, 7), "Department of Labor", Facts.VISIT, null),
                new FundsPledged(id, "p-2", Money.of("0.01", "USD"), Facts.VISIT, LocalDate.of(2024, 6, 7),
                        "Department of Labor", Facts.VISIT, null),
                Facts.disbursed(id, "v-1", "999999999999999.99", LocalDate.of(2021, 9, 20)),
                Facts.assessed(id, org.commitmenttracker.events.value.Rating.IN_PROGRESS, LocalDate.of(2021, 10, 1)));
        deliver(stream);

        Figures figures = agreeingFigures(id, stream);

        assertThat(figures.pledged()).isEqualTo(new BigDecimal("1000000000000000.00"));
        assertThat(figures.disbursed()).isEqualTo(new BigDecimal("999999999999999.99"));
        Dashboard all = dashboard.dashboard(TODAY);
        assertThat(all.funding().get("USD").pledged()).isEqualTo(totalUsd("1000000000000000.00"));
        assertThat(db.objectMapper.writeValueAsString(all)).contains("\"1000000000000000.00\"");
        // The state keeps folding after the overflow: the later assessment is there.
        assertThat(commitments.detailJson(id, TODAY).orElseThrow().version()).isEqualTo(stream.size());
    }

    private record Figures(BigDecimal pledged, BigDecimal disbursed, BigDecimal reversed) {
    }

    /** The funding as the detail, the ledger, the state as of today and the dashboard give it: all the same. */
    private static Figures agreeingFigures(String id, List<CommitmentEvent> stream) throws Exception {
        JsonNode detail = db.objectMapper.readTree(commitments.detailJson(id, TODAY).orElseThrow().json());
        FundingLedger ledger = commitments.state(id).map(FoldedCommitment::ledger).orElseThrow();
        JsonNode ledgerJson = db.objectMapper.readTree(db.objectMapper.writeValueAsString(ledger));
        List<VersionedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < stream.size(); i++) {
            recorded.add(new VersionedEvent(stream.get(i), i + 1, Instant.parse("2021-06-08T18:00:00Z")));
        }
        CommitmentDetail asOfToday = StateAsOf.replay(recorded, TODAY, null).orElseThrow().detail();
        JsonNode state = db.objectMapper.readTree(db.objectMapper.writeValueAsString(asOfToday));

        for (String total : List.of("pledged", "obligated", "disbursed", "reversed")) {
            String fromDetail = detail.at("/funding/" + total + "/value").asText();
            assertThat(ledgerJson.at("/" + total + "/value").asText()).as("ledger " + total).isEqualTo(fromDetail);
            assertThat(state.at("/funding/" + total + "/value").asText()).as("state " + total).isEqualTo(fromDetail);
        }
        assertThat(state.get("funding")).isEqualTo(detail.get("funding"));
        Total dashboardPledged = dashboard.dashboard(TODAY).funding().get("USD").pledged();
        assertThat(dashboardPledged.value()).isEqualByComparingTo(ledger.pledged().value());
        return new Figures(new BigDecimal(detail.at("/funding/pledged/value").asText()),
                new BigDecimal(detail.at("/funding/disbursed/value").asText()),
                new BigDecimal(detail.at("/funding/reversed/value").asText()));
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
