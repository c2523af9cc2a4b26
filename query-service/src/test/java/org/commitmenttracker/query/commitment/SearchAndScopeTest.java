package org.commitmenttracker.query.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.progress.AgreementSigned;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Source;
import org.commitmenttracker.query.Facts;
import org.commitmenttracker.query.ReadModelDatabase;
import org.commitmenttracker.query.commitment.CommitmentSummary.Match;
import org.commitmenttracker.query.dashboard.Dashboard;
import org.commitmenttracker.query.dashboard.DashboardReadModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What officers type finds what they mean, in the commitment or in any of its children, and says where. */
class SearchAndScopeTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 10, 15);

    private static ReadModelDatabase db;
    private static CommitmentReadModel commitments;
    private static CommitmentProjection projection;
    private static DashboardReadModel dashboard;
    private static String labor;
    private static String hled;
    private static String other;

    @BeforeAll
    static void database() {
        db = ReadModelDatabase.create();
        commitments = new CommitmentReadModel(db.jdbc, db.namedJdbc, db.objectMapper);
        projection = new CommitmentProjection(commitments, db.versions, ReadModelDatabase.NO_CORRECTIONS, ReadModelDatabase.REMEMBERED_HEAP_PERCENT);
        dashboard = new DashboardReadModel(db.jdbc);
        labor = newId();
        hled = newId();
        other = newId();
        deliver(List.of(Facts.laborAnnounced(labor), Facts.pledged(labor, "100.00"),
                new FundsObligated(labor, "ilab-award-1", Facts.usd("50.00"), LocalDate.of(2021, 9, 1),
                        "Secretaría del Trabajo y Previsión Social", "IL-35000-21-75-K"),
                new AgreementSigned(labor, "mou", "Bicentennial Framework", LocalDate.of(2021, 10, 8),
                        List.of("Secretaría de Relaciones Exteriores", "Department of State"))));
        deliver(List.of(Facts.hledAnnounced(hled), Facts.hledScheduled(hled), Facts.hledHeld(hled)));
        deliver(List.of(new CommitmentAnnounced(other, "Vaccines for Central America", "Doses shared.",
                Category.OTHER, List.of("US", "GT"), List.of("USAID"), Facts.VISIT,
                new Source("White House press release", null, Facts.VISIT), LocalDate.of(2021, 7, 1))));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anAgreementsTitleAndADialoguesLocationAreFoundAndNamed() {
        assertThat(search("Bicentennial")).singleElement().satisfies(found -> {
            assertThat(found.id()).isEqualTo(labor);
            assertThat(found.matches()).containsExactly(new Match("AGREEMENT", "mou", "title"));
        });
        assertThat(search("washington")).singleElement().satisfies(found -> {
            assertThat(found.id()).isEqualTo(hled);
            assertThat(found.matches()).containsExactly(new Match("DIALOGUE", "hled-2021", "location"));
        });
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertThat(search("secretaria trabajo")).singleElement().satisfies(found ->
                assertThat(found.matches()).containsExactly(new Match("OBLIGATION", "ilab-award-1",
                        "implementingPartner")));
        assertThat(search("SECRETARÍA")).extracting(CommitmentSummary::id).containsExactly(labor);
        assertThat(search("IL-35000-21-75-K")).singleElement().satisfies(found ->
                assertThat(found.matches()).contains(new Match("OBLIGATION", "ilab-award-1", "reference")));
    }

    @Test
    void anAgencyIsFoundByPartOfItsNameInAnyCase() {
        assertThat(list(filter(null, "department of labor", null, null, null))).containsExactly(labor);
        assertThat(list(filter(null, "LABOR", null, null, null))).containsExactly(labor);
        assertThat(list(filter(null, "commerce", null, null, null))).containsExactly(hled);
    }

    @Test
    void theListAndTheDashboardAreScopedAlikeBySourcePartyAndOverdue() {
        CommitmentFilter factSheet = filter("harris visit", null, null, null, null);
        CommitmentFilter guatemala = filter(null, null, "gt", null, null);
        CommitmentFilter overdue = filter(null, null, null, true, null);

        assertThat(list(factSheet)).containsExactlyInAnyOrder(labor, hled);
        assertThat(list(guatemala)).containsExactly(other);
        assertThat(list(overdue)).containsExactlyInAnyOrder(hled, other);
        Dashboard ofTheFactSheet = dashboard.dashboard(factSheet, TODAY);
        assertThat(ofTheFactSheet.commitments()).isEqualTo(2);
        assertThat(ofTheFactSheet.funding().get("USD").pledged().value()).isEqualByComparingTo("100.00");
        assertThat(dashboard.dashboard(guatemala, TODAY).commitments()).isEqualTo(1);
        assertThat(dashboard.dashboard(guatemala, TODAY).funding()).isEmpty();
        assertThat(dashboard.dashboard(overdue, TODAY).overdue()).isEqualTo(2);
        assertThat(dashboard.dashboard(TODAY).commitments()).isEqualTo(3);
    }

    private static CommitmentFilter filter(String source, String agency, String party, Boolean overdue, String text) {
        return new CommitmentFilter(null, null, agency, null, text, source, party, overdue);
    }

    private static List<CommitmentSummary> search(String text) {
        return commitments.list(filter(null, null, null, null, text), 0, 20, TODAY).items();
    }

    private static List<String> list(CommitmentFilter filter) {
        return commitments.list(filter, 0, 20, TODAY).items().stream().map(CommitmentSummary::id).toList();
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
