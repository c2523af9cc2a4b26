package org.commitmenttracker.command.commitment;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmenttracker.command.progress.AssessProgress;
import org.commitmenttracker.command.progress.AttachEvidence;
import org.commitmenttracker.events.commitment.CommitmentFulfilled;
import org.commitmenttracker.events.commitment.CommitmentRevised;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.events.progress.EvidenceAttached;
import org.commitmenttracker.events.progress.ProgressAssessed;
import org.commitmenttracker.events.value.Rating;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.CONFLICT;
import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.INVALID;
import static org.commitmenttracker.command.commitment.Examples.LABOR;
import static org.commitmenttracker.command.commitment.Examples.LABOR_HISTORY_VERSION;
import static org.commitmenttracker.command.commitment.Examples.OFFICER;
import static org.commitmenttracker.command.commitment.Examples.PLEDGE_TO;
import static org.commitmenttracker.command.commitment.Examples.TODAY;
import static org.commitmenttracker.command.commitment.Examples.VISIT;
import static org.commitmenttracker.command.commitment.Examples.VOUCHER;
import static org.commitmenttracker.command.commitment.Examples.disburse;
import static org.commitmenttracker.command.commitment.Examples.laborAnnounced;
import static org.commitmenttracker.command.commitment.Examples.laborFacts;
import static org.commitmenttracker.command.commitment.Examples.laborHistory;
import static org.commitmenttracker.command.commitment.Examples.refused;
import static org.commitmenttracker.command.commitment.Examples.usd;
import static org.hamcrest.Matchers.containsString;

/** Revising, fulfilling and withdrawing a commitment, and what a closed commitment still takes. */
class LifecycleRulesTest {

    private static final LocalDate CLOSED_ON = LocalDate.of(2021, 9, 30);
    private static final String REASON = "The pledge runs until 2024-06-07.";

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    @Test
    void canReviseTheDueDate() {
        fixture.given(laborAnnounced())
                .when(new ReviseCommitment(LABOR, null, null, PLEDGE_TO, null, REASON, TODAY, TODAY), OFFICER)
                .expectEvents(new CommitmentRevised(LABOR, null, null, PLEDGE_TO, null, REASON, TODAY))
                .expectResultMessagePayload(2L);
    }

    @Test
    void canReviseTheLeadAgencies() {
        List<String> agencies = List.of("Department of Labor", "USAID");
        fixture.given(laborAnnounced())
                .when(new ReviseCommitment(LABOR, null, null, null, agencies, "USAID joined.", null, TODAY), OFFICER)
                .expectEvents(new CommitmentRevised(LABOR, null, null, null, agencies, "USAID joined.", TODAY));
    }

    @Test
    void revisionMustChangeSomething() {
        fixture.given(laborAnnounced())
                .when(new ReviseCommitment(LABOR, null, null, null, null, "Nothing, really.", TODAY, TODAY), OFFICER)
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void revisedDueDateCannotPrecedeTheAnnouncement() {
        fixture.given(laborAnnounced())
                .when(new ReviseCommitment(LABOR, null, null, VISIT.minusDays(1), null, "Typo", TODAY, TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void canFulfilACommitment() {
        fixture.given(laborHistory().toArray())
                .when(new FulfilCommitment(LABOR, CLOSED_ON, "All funds disbursed.", TODAY), OFFICER)
                .expectEvents(new CommitmentFulfilled(LABOR, CLOSED_ON, "All funds disbursed."))
                .expectResultMessagePayload(LABOR_HISTORY_VERSION + 1);
    }

    @Test
    void canWithdrawACommitment() {
        fixture.given(laborHistory().toArray())
                .when(new WithdrawCommitment(LABOR, CLOSED_ON, "Programme ended.", TODAY), OFFICER)
                .expectEvents(new CommitmentWithdrawn(LABOR, CLOSED_ON, "Programme ended."))
                .expectResultMessagePayload(LABOR_HISTORY_VERSION + 1);
    }

    static Stream<Named<Object>> everyCommandButEvidenceAndAssessment() {
        Set<String> stillAllowed = Set.of("AttachEvidence", "AssessProgress");
        return laborFacts().entrySet().stream()
                .filter(fact -> !stillAllowed.contains(fact.getKey()))
                .map(fact -> Named.of(fact.getKey(), fact.getValue().apply(TODAY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandButEvidenceAndAssessment")
    void closedCommitmentTakesOnlyEvidenceAndAssessments(Object command) {
        fixture.given(closed(new CommitmentWithdrawn(LABOR, CLOSED_ON, "Programme ended.")))
                .when(command, OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("is closed (fulfilled or withdrawn)"))
                .expectNoEvents();
    }

    @Test
    void fulfilledCommitmentTakesNoMoreFunding() {
        fixture.given(closed(new CommitmentFulfilled(LABOR, CLOSED_ON, "All funds disbursed.")))
                .when(disburse("voucher-2021-0002", usd("1.00")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void fulfilledCommitmentCannotBeWithdrawn() {
        fixture.given(closed(new CommitmentFulfilled(LABOR, CLOSED_ON, "All funds disbursed.")))
                .when(new WithdrawCommitment(LABOR, TODAY, "Changed our mind.", TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void closedCommitmentStillTakesEvidence() {
        fixture.given(closed(new CommitmentWithdrawn(LABOR, CLOSED_ON, "Programme ended.")))
                .when(new AttachEvidence(LABOR, "closing-report", "Closing report", "https://www.dol.gov/ilab", null,
                        TODAY, TODAY), OFFICER)
                .expectEvents(new EvidenceAttached(LABOR, "closing-report", "Closing report",
                        "https://www.dol.gov/ilab", null, TODAY))
                .expectResultMessagePayload(LABOR_HISTORY_VERSION + 2);
    }

    @Test
    void closedCommitmentStillTakesAssessments() {
        fixture.given(closed(new CommitmentFulfilled(LABOR, CLOSED_ON, "All funds disbursed.")))
                .when(new AssessProgress(LABOR, "assessment-1", Rating.ACHIEVED, "Every dollar reached the programme.", TODAY, TODAY),
                        OFFICER)
                .expectEvents(new ProgressAssessed(LABOR, "assessment-1", Rating.ACHIEVED, "Every dollar reached the programme.",
                        TODAY));
    }

    @Test
    void commandsOnAnUnknownCommitmentAreRefused() {
        fixture.givenNoPriorActivity()
                .when(disburse(VOUCHER, usd("1.00")), OFFICER)
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    private static List<Object> closed(Object closing) {
        List<Object> history = new ArrayList<>(laborHistory());
        history.add(closing);
        return history;
    }
}
