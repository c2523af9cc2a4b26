package org.commitmenttracker.query.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.commitment.CommitmentFulfilled;
import org.commitmenttracker.events.commitment.CommitmentRevised;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.events.dialogue.DialogueCancelled;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueRescheduled;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.funding.PledgeRevised;
import org.commitmenttracker.events.progress.AgreementSigned;
import org.commitmenttracker.events.progress.EvidenceAttached;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.commitmenttracker.events.progress.MilestoneAchieved;
import org.commitmenttracker.events.progress.MilestoneSet;
import org.commitmenttracker.events.progress.ProgressAssessed;
import org.commitmenttracker.events.progress.ProgressMeasured;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.events.value.Rating;
import org.commitmenttracker.events.value.Source;
import org.commitmenttracker.query.commitment.CommitmentDetail.DialogueStatus;
import org.commitmenttracker.query.commitment.CommitmentDetail.MilestoneStatus;
import org.commitmenttracker.query.commitment.CommitmentDetail.Status;
import org.junit.jupiter.api.Test;

/** The seven commitments of the 2021 US–Mexico fact sheet, and what could happen to them. */
class CommitmentFoldTest {

    private static final String LABOR = "us-mx-2021-labor-cooperation";
    private static final String HLED = "us-mx-2021-hled";
    private static final String SECURITY = "us-mx-2021-security-dialogue";
    private static final String ROOT_CAUSES = "us-mx-2021-root-causes";
    private static final String DISAPPEARANCES = "us-mx-2021-disappearances";

    private static final LocalDate VISIT = LocalDate.of(2021, 6, 8);
    private static final Source FACT_SHEET =
            new Source("Vice President Harris Visit", null, LocalDate.of(2021, 6, 15));

    // --- the commitment itself

    @Test
    void announcementShowsWhatWasPromised() {
        CommitmentDetail detail = fold(laborAnnounced());

        assertThat(detail.id()).isEqualTo(LABOR);
        assertThat(detail.title()).isEqualTo("Strengthen Labor Cooperation");
        assertThat(detail.category()).isEqualTo(Category.LABOR);
        assertThat(detail.parties()).containsExactly("US", "MX");
        assertThat(detail.leadAgencies()).containsExactly("USDOL");
        assertThat(detail.announcedOn()).isEqualTo(VISIT);
        assertThat(detail.dueBy()).isEqualTo(LocalDate.of(2024, 6, 7));
        assertThat(detail.source()).isEqualTo(FACT_SHEET);
        assertThat(detail.status()).isEqualTo(Status.ANNOUNCED);
        assertThat(detail.version()).isEqualTo(1);
        assertThat(detail.lastActivityOn()).isEqualTo(VISIT);
        assertThat(detail.overdue()).isFalse();
        assertThat(detail.rating()).isNull();
        assertThat(detail.funding()).isNull();
        assertThat(detail.pledges()).isEmpty();
        assertThat(detail.dialogues()).isEmpty();
        assertThat(detail.milestones()).isEmpty();
        assertThat(detail.indicators()).isEmpty();
        assertThat(detail.agreements()).isEmpty();
        assertThat(detail.evidence()).isEmpty();
    }

    @Test
    void nothingIsShownBeforeTheAnnouncement() {
        assertThat(CommitmentFold.evolve(null, laborPledge(), 1)).isNull();
    }

    @Test
    void statusTurnsInProgressWithTheFirstFact() {
        CommitmentDetail detail = fold(hledAnnounced(), hledScheduled());

        assertThat(detail.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(detail.version()).isEqualTo(2);
    }

    @Test
    void revisionChangesOnlyTheFieldsItNames() {
        CommitmentDetail detail = fold(laborAnnounced(), new CommitmentRevised(LABOR, null, null,
                LocalDate.of(2024, 9, 30), List.of("USDOL", "USAID"), "programme extended", LocalDate.of(2022, 3, 1)));

        assertThat(detail.title()).isEqualTo("Strengthen Labor Cooperation");
        assertThat(detail.summary()).startsWith("The U.S. will invest");
        assertThat(detail.dueBy()).isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(detail.leadAgencies()).containsExactly("USDOL", "USAID");
        assertThat(detail.status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void lastActivityIsTheLatestDaySomethingHappenedNotTheLastLogged() {
        CommitmentDetail detail = fold(laborAnnounced(), laborPledge(),
                disbursed("VCH-2022-002", "2000000.00", LocalDate.of(2022, 2, 1)),
                // logged afterwards, happened earlier
                obligated("AWD-2021-001", "10000000.00", LocalDate.of(2021, 11, 15)));

        assertThat(detail.lastActivityOn()).isEqualTo(LocalDate.of(2022, 2, 1));
        assertThat(detail.version()).isEqualTo(4);
    }

    @Test
    void fulfilmentClosesTheCommitment() {
        CommitmentDetail detail = fold(hledAnnounced(), hledScheduled(),
                new CommitmentFulfilled(HLED, LocalDate.of(2021, 9, 9), "The HLED was held in Washington."));

        assertThat(detail.status()).isEqualTo(Status.FULFILLED);
        assertThat(detail.lastActivityOn()).isEqualTo(LocalDate.of(2021, 9, 9));
    }

    @Test
    void fulfilmentRightAfterTheAnnouncementSkipsInProgress() {
        CommitmentDetail detail = fold(hledAnnounced(),
                new CommitmentFulfilled(HLED, LocalDate.of(2021, 9, 9), "The HLED was held in Washington."));

        assertThat(detail.status()).isEqualTo(Status.FULFILLED);
    }

    @Test
    void withdrawalClosesTheCommitment() {
        CommitmentDetail detail = fold(securityAnnounced(),
                new CommitmentWithdrawn(SECURITY, LocalDate.of(2021, 12, 1), "superseded by the Bicentennial Framework"));

        assertThat(detail.status()).isEqualTo(Status.WITHDRAWN);
    }

    @Test
    void evidenceAfterFulfilmentKeepsItFulfilled() {
        CommitmentDetail detail = fold(hledAnnounced(),
                new CommitmentFulfilled(HLED, LocalDate.of(2021, 9, 9), "held"),
                hledCommuniqueEvidence());

        assertThat(detail.status()).isEqualTo(Status.FULFILLED);
        assertThat(detail.evidence()).hasSize(1);
    }

    @Test
    void assessmentAfterWithdrawalKeepsItWithdrawn() {
        CommitmentDetail detail = fold(securityAnnounced(),
                new CommitmentWithdrawn(SECURITY, LocalDate.of(2021, 12, 1), "superseded"),
                new ProgressAssessed(SECURITY, "assessment-1", Rating.NOT_ACHIEVED, "never held as promised", LocalDate.of(2022, 1, 10)));

        assertThat(detail.status()).isEqualTo(Status.WITHDRAWN);
        assertThat(detail.rating()).isEqualTo(Rating.NOT_ACHIEVED);
    }

    // --- dialogues

    @Test
    void scheduledDialogueShowsItsPlannedDates() {
        CommitmentDetail.Dialogue hled = fold(hledAnnounced(), hledScheduled()).dialogues().get(0);

        assertThat(hled.dialogueId()).isEqualTo("hled-2021");
        assertThat(hled.name()).isEqualTo("High-Level Economic Dialogue 2021");
        assertThat(hled.status()).isEqualTo(DialogueStatus.SCHEDULED);
        assertThat(hled.plannedFrom()).isEqualTo(LocalDate.of(2021, 9, 1));
        assertThat(hled.plannedTo()).isEqualTo(LocalDate.of(2021, 9, 30));
        assertThat(hled.heldOn()).isNull();
        assertThat(hled.outcomes()).isEmpty();
    }

    @Test
    void rescheduledDialogueTakesItsNewDates() {
        CommitmentDetail.Dialogue hled = fold(hledAnnounced(), hledScheduled(),
                new DialogueRescheduled(HLED, "hled-2021", LocalDate.of(2021, 9, 9), LocalDate.of(2021, 9, 9),
                        "date agreed by both cabinets", LocalDate.of(2021, 8, 20)))
                .dialogues().get(0);

        assertThat(hled.plannedFrom()).isEqualTo(LocalDate.of(2021, 9, 9));
        assertThat(hled.plannedTo()).isEqualTo(LocalDate.of(2021, 9, 9));
        assertThat(hled.status()).isEqualTo(DialogueStatus.SCHEDULED);
    }

    @Test
    void heldDialogueShowsItsOutcomes() {
        CommitmentDetail.Dialogue hled = fold(hledAnnounced(), hledScheduled(), hledHeld()).dialogues().get(0);

        assertThat(hled.status()).isEqualTo(DialogueStatus.HELD);
        assertThat(hled.heldOn()).isEqualTo(LocalDate.of(2021, 9, 9));
        assertThat(hled.location()).isEqualTo("Washington, D.C.");
        assertThat(hled.outcomes()).containsExactly("Building back together", "Promoting sustainable economic "
                + "and social development in southern Mexico and Central America");
        assertThat(hled.communiqueUrl()).isEqualTo("https://www.commerce.gov/news/press-releases/2021/09/hled");
        assertThat(hled.plannedFrom()).isEqualTo(LocalDate.of(2021, 9, 1));
    }

    @Test
    void cancelledDialogueIsMarkedCancelled() {
        CommitmentDetail detail = fold(securityAnnounced(),
                new DialogueScheduled(SECURITY, "security-2021", "Cabinet-Level Security Dialogue",
                        LocalDate.of(2021, 10, 8), LocalDate.of(2021, 10, 8), "Mexico City", LocalDate.of(2021, 9, 1)),
                new DialogueCancelled(SECURITY, "security-2021", "postponed indefinitely", LocalDate.of(2021, 9, 20)));

        assertThat(detail.dialogues()).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DialogueStatus.CANCELLED))
                .satisfies(d -> assertThat(d.location()).isEqualTo("Mexico City"));
    }

    @Test
    void aHeldDialogueIsNotCancelledAfterwards() {
        CommitmentDetail detail = fold(hledAnnounced(), hledScheduled(), hledHeld(),
                new DialogueCancelled(HLED, "hled-2021", "too late", LocalDate.of(2021, 9, 10)));

        assertThat(detail.dialogues().get(0).status()).isEqualTo(DialogueStatus.HELD);
    }

    // --- funding

    @Test
    void firstPledgeOpensTheFundingInItsCurrency() {
        CommitmentDetail detail = fold(laborAnnounced(), laborPledge());

        assertThat(detail.funding().currency()).isEqualTo("USD");
        assertThat(detail.funding().pledged()).isEqualTo(totalUsd("130000000.00"));
        assertThat(detail.funding().obligated()).isEqualTo(totalUsd("0.00"));
        assertThat(detail.funding().disbursed()).isEqualTo(totalUsd("0.00"));
        assertThat(detail.funding().reversed()).isEqualTo(totalUsd("0.00"));
        assertThat(detail.funding().disbursedPercent()).isEqualByComparingTo("0");
        assertThat(detail.pledges()).singleElement().satisfies(p -> {
            assertThat(p.pledgeId()).isEqualTo("labor-2021");
            assertThat(p.amount()).isEqualTo(usd("130000000.00"));
            assertThat(p.periodFrom()).isEqualTo(VISIT);
            assertThat(p.periodTo()).isEqualTo(LocalDate.of(2024, 6, 7));
            assertThat(p.fundingSource()).isEqualTo("USDOL Bureau of International Labor Affairs");
        });
    }

    @Test
    void pledgesAddUpInTheOrderMade() {
        CommitmentDetail detail = fold(laborAnnounced(), laborPledge(),
                new FundsPledged(LABOR, "labor-2022-supplement", usd("20000000.00"), LocalDate.of(2022, 1, 1),
                        LocalDate.of(2023, 12, 31), "USAID", LocalDate.of(2022, 1, 1), null));

        assertThat(detail.funding().pledged()).isEqualTo(totalUsd("150000000.00"));
        assertThat(detail.pledges()).extracting(CommitmentDetail.Pledge::pledgeId)
                .containsExactly("labor-2021", "labor-2022-supplement");
    }

    @Test
    void revisedPledgeReplacesItsAmountInTheTotal() {
        CommitmentDetail detail = fold(laborAnnounced(), laborPledge(),
                new FundsPledged(LABOR, "labor-2022-supplement", usd("20000000.00"), LocalDate.of(2022, 1, 1),
                        LocalDate.of(2023, 12, 31), "USAID", LocalDate.of(2022, 1, 1), null),
                new PledgeRevised(LABOR, "labor-2021", usd("125000000.00"), "appropriation cut",
                        LocalDate.of(2022, 3, 15), null));

        assertThat(detail.funding().pledged()).isEqualTo(totalUsd("145000000.00"));
        assertThat(detail.pledges()).extracting(CommitmentDetail.Pledge::amount)
                .containsExactly(usd("125000000.00"), usd("20000000.00"));
    }

    @Test
    void obligationsAddUpToObligated() {
        CommitmentDetail detail = fold(laborAnnounced(), laborPledge(),
                obligated("AWD-2021-001", "10000000.00", LocalDate.of(2021, 11, 15)),
                obligated("AWD-2022-002", "2500000.50", LocalDate.of(2022, 2, 1)));

        assertThat(detail.funding().obligated()).isEqualTo(totalUsd("12500000.50"));
        assertThat(detail.funding().disbursed()).isEqualTo(totalUsd("0.00"));
    }

    @Test
    void disbursementsAddUpAndShowTheShareOfThePledge() {
        CommitmentDetail detail = fold(laborAnnounced(), laborPledge(),
                obligated("AWD-2021-001", "80000000.00", LocalDate.of(2021, 11, 15)),
                disbursed("VCH-2021-001", "26000000.00", LocalDate.of(2021, 12, 1)));

        assertThat(detail.funding().disbursed()).isEqualTo(totalUsd("26000000.00"));
        assertThat(detail.funding().disbursedPercent()).isEqualByComparingTo("20.0");
    }

    @Test
    void disbursedShareIsRoundedHalfUpToOneDecimal() {
        CommitmentDetail detail = fold(laborAnnounced(), laborPledge(),
                obligated("AWD-2021-001", "80000000.00", LocalDate.of(2021, 11, 15)),
                disbursed("VCH-2021-001", "65065000.00", LocalDate.of(2021, 12, 1)));

        // 65,065,000 / 130,000,000 = 50.05 %
        assertThat(detail.funding().disbursedPercent()).isEqualTo(new BigDecimal("50.1"));
    }

    @Test
    void reversalReducesDisbursedAndCountsAsReversed() {
        CommitmentDetail detail = fold(laborAnnounced(), laborPledge(),
                obligated("AWD-2021-001", "80000000.00", LocalDate.of(2021, 11, 15)),
                disbursed("VCH-2021-001", "26000000.00", LocalDate.of(2021, 12, 1)),
                disbursed("VCH-2021-002", "1300000.00", LocalDate.of(2021, 12, 2)),
                new DisbursementReversed(LABOR, "VCH-2021-002", usd("1300000.00"), "paid to the wrong grantee",
                        LocalDate.of(2021, 12, 10), null, null));

        assertThat(detail.funding().disbursed()).isEqualTo(totalUsd("26000000.00"));
        assertThat(detail.funding().reversed()).isEqualTo(totalUsd("1300000.00"));
        assertThat(detail.funding().disbursedPercent()).isEqualByComparingTo("20.0");
        assertThat(detail.funding().obligated()).isEqualTo(totalUsd("80000000.00"));
    }

    @Test
    void repeatedPledgeCountsOnce() {
        CommitmentDetail detail = fold(laborAnnounced(), laborPledge(), laborPledge());

        assertThat(detail.funding().pledged()).isEqualTo(totalUsd("130000000.00"));
        assertThat(detail.pledges()).hasSize(1);
        assertThat(detail.version()).isEqualTo(3);
    }

    // --- milestones

    @Test
    void milestoneIsOpenUntilAchieved() {
        FoldedCommitment setState = foldState(laborAnnounced(), firstGrantsMilestone());
        CommitmentDetail set = setState.detail();
        CommitmentDetail achieved = CommitmentFold.evolve(setState,
                new MilestoneAchieved(LABOR, "first-grants", LocalDate.of(2021, 11, 15), "two awards signed"), 3)
                .detail();

        assertThat(set.milestones()).singleElement().satisfies(m -> {
            assertThat(m.description()).isEqualTo("First technical-assistance grants awarded");
            assertThat(m.dueBy()).isEqualTo(LocalDate.of(2021, 12, 31));
            assertThat(m.status()).isEqualTo(MilestoneStatus.OPEN);
            assertThat(m.achievedOn()).isNull();
        });
        assertThat(achieved.milestones()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MilestoneStatus.ACHIEVED);
            assertThat(m.achievedOn()).isEqualTo(LocalDate.of(2021, 11, 15));
        });
    }

    // --- indicators

    @Test
    void indicatorProgressIsMeasuredFromBaselineTowardsTarget() {
        CommitmentDetail detail = fold(disappearancesAnnounced(), casesIndicator(),
                measured("10000", LocalDate.of(2022, 6, 30)));

        CommitmentDetail.Indicator cases = detail.indicators().get(0);
        assertThat(cases.name()).isEqualTo("Disappearance cases resolved");
        assertThat(cases.unit()).isEqualTo("cases");
        assertThat(cases.baseline()).isEqualByComparingTo("0");
        assertThat(cases.target()).isEqualByComparingTo("82000");
        assertThat(cases.latest().value()).isEqualByComparingTo("10000");
        assertThat(cases.latest().measuredOn()).isEqualTo(LocalDate.of(2022, 6, 30));
        // 10,000 / 82,000 = 12.195 %
        assertThat(cases.progressPercent()).isEqualTo(new BigDecimal("12.2"));
    }

    @Test
    void indicatorHasNoProgressBeforeItsFirstMeasurement() {
        CommitmentDetail.Indicator cases = fold(disappearancesAnnounced(), casesIndicator()).indicators().get(0);

        assertThat(cases.latest()).isNull();
        assertThat(cases.progressPercent()).isNull();
    }

    @Test
    void lateLoggedOlderMeasurementDoesNotReplaceTheLatest() {
        CommitmentDetail detail = fold(disappearancesAnnounced(), casesIndicator(),
                measured("10000", LocalDate.of(2022, 6, 30)),
                measured("4000", LocalDate.of(2021, 12, 31)));

        assertThat(detail.indicators().get(0).latest().value()).isEqualByComparingTo("10000");
    }

    @Test
    void measurementOfTheSameDayCorrectsTheLatest() {
        CommitmentDetail detail = fold(disappearancesAnnounced(), casesIndicator(),
                measured("10000", LocalDate.of(2022, 6, 30)),
                measured("10250", LocalDate.of(2022, 6, 30)));

        assertThat(detail.indicators().get(0).latest().value()).isEqualByComparingTo("10250");
        assertThat(detail.indicators().get(0).progressPercent()).isEqualByComparingTo("12.5");
    }

    @Test
    void indicatorWhoseTargetEqualsItsBaselineHasNoProgressPercent() {
        CommitmentDetail detail = fold(disappearancesAnnounced(),
                new IndicatorDefined(DISAPPEARANCES, "forensic-labs", "Forensic labs operating", "labs",
                        new BigDecimal("5"), new BigDecimal("5"), null, VISIT),
                new ProgressMeasured(DISAPPEARANCES, "forensic-labs", "m-1", new BigDecimal("6"),
                        LocalDate.of(2022, 1, 1), "FGR"));

        assertThat(detail.indicators().get(0).latest().value()).isEqualByComparingTo("6");
        assertThat(detail.indicators().get(0).progressPercent()).isNull();
    }

    // --- agreements, assessments, evidence

    @Test
    void signedAgreementIsListed() {
        CommitmentDetail detail = fold(rootCausesAnnounced(),
                new AgreementSigned(ROOT_CAUSES, "root-causes-mou", "MoU on a strategic partnership for "
                        + "northern Central America", VISIT, List.of("USAID", "AMEXCID")));

        assertThat(detail.agreements()).singleElement().satisfies(a -> {
            assertThat(a.agreementId()).isEqualTo("root-causes-mou");
            assertThat(a.signedOn()).isEqualTo(VISIT);
            assertThat(a.signatories()).containsExactly("USAID", "AMEXCID");
        });
        assertThat(detail.status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void assessmentSetsTheRatingAndTheLatestOneCounts() {
        CommitmentDetail detail = fold(laborAnnounced(),
                new ProgressAssessed(LABOR, "assessment-1", Rating.IN_PROGRESS, "grants awarded", LocalDate.of(2022, 1, 10)),
                new ProgressAssessed(LABOR, "assessment-1", Rating.STALLED, "no disbursement for a year", LocalDate.of(2023, 1, 10)));

        assertThat(detail.rating()).isEqualTo(Rating.STALLED);
    }

    @Test
    void evidenceIsListedInTheOrderAttached() {
        CommitmentDetail detail = fold(hledAnnounced(), hledCommuniqueEvidence(),
                new EvidenceAttached(HLED, "hled-photos", "Photos of the opening session",
                        "https://example.org/hled/photos", null, LocalDate.of(2021, 9, 10)));

        assertThat(detail.evidence()).extracting(CommitmentDetail.Evidence::evidenceId)
                .containsExactly("hled-communique", "hled-photos");
        assertThat(detail.evidence().get(0).sha256()).hasSize(64);
        assertThat(detail.evidence().get(0).url()).isEqualTo("https://www.commerce.gov/hled-2021.pdf");
        assertThat(detail.evidence().get(0).capturedOn()).isEqualTo(LocalDate.of(2021, 9, 10));
    }

    // --- overdue, which depends on the day of reading

    @Test
    void overdueWhenTheCommitmentIsPastItsDueDate() {
        CommitmentDetail detail = fold(laborAnnounced(), laborPledge());

        assertThat(detail.withOverdue(LocalDate.of(2024, 6, 7)).overdue()).isFalse();
        assertThat(detail.withOverdue(LocalDate.of(2024, 6, 8)).overdue()).isTrue();
    }

    @Test
    void overdueWhenAnOpenMilestoneIsPastDue() {
        CommitmentDetail detail = fold(laborAnnounced(), firstGrantsMilestone());

        assertThat(detail.withOverdue(LocalDate.of(2022, 1, 1)).overdue()).isTrue();
        assertThat(detail.withOverdue(LocalDate.of(2021, 12, 31)).overdue()).isFalse();
    }

    @Test
    void anAchievedMilestoneIsNeverOverdue() {
        CommitmentDetail detail = fold(laborAnnounced(), firstGrantsMilestone(),
                new MilestoneAchieved(LABOR, "first-grants", LocalDate.of(2022, 2, 1), null));

        assertThat(detail.withOverdue(LocalDate.of(2022, 3, 1)).overdue()).isFalse();
    }

    @Test
    void aClosedCommitmentIsNeverOverdue() {
        CommitmentDetail detail = fold(laborAnnounced(), firstGrantsMilestone(),
                new CommitmentWithdrawn(LABOR, LocalDate.of(2021, 12, 1), "programme cancelled"));

        assertThat(detail.withOverdue(LocalDate.of(2025, 1, 1)).overdue()).isFalse();
    }

    @Test
    void aCommitmentWithoutDueDatesIsNeverOverdue() {
        assertThat(fold(securityAnnounced()).withOverdue(LocalDate.of(2030, 1, 1)).overdue()).isFalse();
    }

    @Test
    void theFoldedStateIsNotOverdueUntilReadOnADay() {
        CommitmentDetail folded = fold(laborAnnounced(), firstGrantsMilestone());
        CommitmentDetail read = folded.withOverdue(LocalDate.of(2025, 1, 1));

        assertThat(folded.overdue()).isFalse();
        assertThat(read.overdue()).isTrue();
        assertThat(read).usingRecursiveComparison().ignoringFields("overdue").isEqualTo(folded);
    }

    // --- a total, pure fold

    @Test
    void factsThisViewCannotPlaceAreSkippedButCounted() {
        FoldedCommitment beforeState = foldState(laborAnnounced(), firstGrantsMilestone());
        CommitmentDetail before = beforeState.detail();
        List<CommitmentEvent> strays = List.of(
                new PledgeRevised(LABOR, "no-such-pledge", usd("1.00"), "x", LocalDate.of(2021, 7, 1), null),
                new DialogueRescheduled(LABOR, "no-such-dialogue", VISIT, VISIT, "x", LocalDate.of(2021, 7, 1)),
                new DialogueHeld(LABOR, "no-such-dialogue", VISIT, "Mexico City", List.of(), null),
                new DialogueCancelled(LABOR, "no-such-dialogue", "x", LocalDate.of(2021, 7, 1)),
                new MilestoneAchieved(LABOR, "no-such-milestone", LocalDate.of(2021, 7, 1), null),
                new ProgressMeasured(LABOR, "no-such-indicator", "m-1", BigDecimal.ONE, LocalDate.of(2021, 7, 1), "x"),
                laborAnnounced());

        FoldedCommitment folded = beforeState;
        long version = before.version();
        for (CommitmentEvent stray : strays) {
            folded = CommitmentFold.evolve(folded, stray, ++version);
        }
        CommitmentDetail state = folded.detail();

        assertThat(state.version()).isEqualTo(before.version() + strays.size());
        assertThat(state).usingRecursiveComparison()
                .ignoringFields("version", "status", "lastActivityOn").isEqualTo(before);
    }

    /** As of a day before the first pledge (or a pledge retracted since), money already moved still shows. */
    @Test
    void moneyRecordedBeforeAnyPledgeIsCountedNotDropped() {
        CommitmentDetail detail = fold(laborAnnounced(),
                obligated("AWD-2021-001", "10.00", LocalDate.of(2021, 7, 1)),
                disbursed("VCH-2021-001", "10.00", LocalDate.of(2021, 7, 1)),
                new DisbursementReversed(LABOR, "VCH-2021-001", usd("10.00"), "x", LocalDate.of(2021, 7, 1), null, null));

        assertThat(detail.funding().obligated().value()).isEqualByComparingTo("10.00");
        assertThat(detail.funding().disbursed().value()).isEqualByComparingTo("0.00");
        assertThat(detail.funding().reversed().value()).isEqualByComparingTo("10.00");
        assertThat(detail.funding().pledged().value()).isEqualByComparingTo("0.00");
    }

    @Test
    void moneyInAnotherCurrencyThanTheFirstPledgeIsSkipped() {
        CommitmentDetail detail = fold(laborAnnounced(), laborPledge(),
                new FundsPledged(LABOR, "labor-mxn", new Money(new BigDecimal("1000000.00"), "MXN"), VISIT,
                        LocalDate.of(2022, 6, 7), "STPS", VISIT, null),
                new FundsObligated(LABOR, "AWD-MXN", new Money(new BigDecimal("5.00"), "MXN"), VISIT, "ILO", null));

        assertThat(detail.funding().pledged()).isEqualTo(totalUsd("130000000.00"));
        assertThat(detail.funding().obligated()).isEqualTo(totalUsd("0.00"));
        assertThat(detail.pledges()).hasSize(1);
    }

    @Test
    void foldingNeverChangesAStateAlreadyShown() {
        FoldedCommitment announcedState = foldState(laborAnnounced());
        CommitmentDetail announced = announcedState.detail();
        CommitmentDetail pledged = CommitmentFold.evolve(announcedState, laborPledge(), 2).detail();

        assertThat(announced.funding()).isNull();
        assertThat(announced.pledges()).isEmpty();
        assertThat(announced.status()).isEqualTo(Status.ANNOUNCED);
        assertThat(pledged.funding()).isNotNull();
    }

    @Test
    void detailListsCannotBeChangedFromOutside() {
        List<String> outcomes = new ArrayList<>(List.of("Building back together"));
        CommitmentDetail detail = fold(hledAnnounced(), hledScheduled(),
                new DialogueHeld(HLED, "hled-2021", LocalDate.of(2021, 9, 9), "Washington, D.C.", outcomes, null));
        outcomes.add("added later");

        assertThat(detail.dialogues().get(0).outcomes()).containsExactly("Building back together");
        assertThatThrownBy(() -> detail.dialogues().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> detail.parties().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // --- the JSON a client reads

    @Test
    void detailIsWrittenAsTheApiDescribesIt() throws Exception {
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        CommitmentDetail detail = fold(laborAnnounced(), laborPledge(),
                obligated("AWD-2021-001", "80000000.00", LocalDate.of(2021, 11, 15)),
                disbursed("VCH-2021-001", "26000000.00", LocalDate.of(2021, 12, 1)));

        JsonNode tree = json.readTree(json.writeValueAsString(detail.withOverdue(LocalDate.of(2022, 1, 1))));

        assertThat(tree.fieldNames()).toIterable().containsExactly("id", "title", "summary", "category", "parties",
                "leadAgencies", "announcedOn", "dueBy", "status", "overdue", "rating", "version", "lastActivityOn",
                "source", "funding", "pledges", "dialogues", "milestones", "indicators", "agreements", "evidence");
        assertThat(tree.get("announcedOn").asText()).isEqualTo("2021-06-08");
        assertThat(tree.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(tree.get("overdue").asBoolean()).isFalse();
        assertThat(tree.get("version").asLong()).isEqualTo(4);
        JsonNode funding = tree.get("funding");
        assertThat(funding.get("currency").asText()).isEqualTo("USD");
        assertThat(funding.get("pledged").get("value").isTextual()).isTrue();
        assertThat(funding.get("pledged").get("value").asText()).isEqualTo("130000000.00");
        assertThat(funding.get("disbursed").get("value").asText()).isEqualTo("26000000.00");
        assertThat(funding.get("reversed").get("value").asText()).isEqualTo("0.00");
        assertThat(funding.get("disbursedPercent").asText()).isEqualTo("20.0");
        assertThat(tree.get("pledges").get(0).get("periodTo").asText()).isEqualTo("2024-06-07");
    }

    // --- the fact sheet

    private static CommitmentDetail fold(CommitmentEvent... events) {
        FoldedCommitment state = foldState(events);
        return state == null ? null : state.detail();
    }

    private static FoldedCommitment foldState(CommitmentEvent... events) {
        return CommitmentFold.fold(List.of(events));
    }

    private static CommitmentAnnounced laborAnnounced() {
        return new CommitmentAnnounced(LABOR, "Strengthen Labor Cooperation",
                "The U.S. will invest an additional $130 million in technical assistance and cooperation over the "
                        + "next three years to work with Mexico as it implements labor legislation.",
                Category.LABOR, List.of("US", "MX"), List.of("USDOL"), VISIT, FACT_SHEET, LocalDate.of(2024, 6, 7));
    }

    private static CommitmentAnnounced hledAnnounced() {
        return new CommitmentAnnounced(HLED, "High-Level Economic Dialogue",
                "Both nations agreed to hold a HLED in September.", Category.ECONOMIC_DIALOGUE, List.of("US", "MX"),
                List.of("Department of Commerce", "Secretaría de Economía"), VISIT, FACT_SHEET, null);
    }

    private static CommitmentAnnounced securityAnnounced() {
        return new CommitmentAnnounced(SECURITY, "Cabinet-Level Security Dialogue",
                "The U.S. and Mexico agreed to hold a cabinet-level security dialogue.", Category.SECURITY,
                List.of("US", "MX"), List.of("Department of State"), VISIT, FACT_SHEET, null);
    }

    private static CommitmentAnnounced rootCausesAnnounced() {
        return new CommitmentAnnounced(ROOT_CAUSES, "Work Together To Address Root Causes of Migration",
                "Both governments signed a memorandum of understanding.", Category.MIGRATION, List.of("US", "MX"),
                List.of("USAID"), VISIT, FACT_SHEET, null);
    }

    private static CommitmentAnnounced disappearancesAnnounced() {
        return new CommitmentAnnounced(DISAPPEARANCES, "Partnership to Resolve Disappearances Cases in Mexico",
                "Help solve the more than 82,000 cases of missing persons and disappearances.",
                Category.HUMAN_RIGHTS, List.of("US", "MX"), List.of("Department of State"), VISIT, FACT_SHEET, null);
    }

    private static DialogueScheduled hledScheduled() {
        return new DialogueScheduled(HLED, "hled-2021", "High-Level Economic Dialogue 2021",
                LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30), null, VISIT);
    }

    private static DialogueHeld hledHeld() {
        return new DialogueHeld(HLED, "hled-2021", LocalDate.of(2021, 9, 9), "Washington, D.C.",
                List.of("Building back together",
                        "Promoting sustainable economic and social development in southern Mexico and Central America"),
                "https://www.commerce.gov/news/press-releases/2021/09/hled");
    }

    private static EvidenceAttached hledCommuniqueEvidence() {
        return new EvidenceAttached(HLED, "hled-communique", "Joint statement of the 2021 HLED",
                "https://www.commerce.gov/hled-2021.pdf", "a".repeat(64), LocalDate.of(2021, 9, 10));
    }

    private static FundsPledged laborPledge() {
        return new FundsPledged(LABOR, "labor-2021", usd("130000000.00"), VISIT, LocalDate.of(2024, 6, 7),
                "USDOL Bureau of International Labor Affairs", VISIT, null);
    }

    private static FundsObligated obligated(String obligationId, String amount, LocalDate on) {
        return new FundsObligated(LABOR, obligationId, usd(amount), on, "International Labour Organization", null);
    }

    private static FundsDisbursed disbursed(String disbursementId, String amount, LocalDate on) {
        return new FundsDisbursed(LABOR, disbursementId, usd(amount), on, "International Labour Organization",
                null, null, null);
    }

    private static MilestoneSet firstGrantsMilestone() {
        return new MilestoneSet(LABOR, "first-grants", "First technical-assistance grants awarded",
                LocalDate.of(2021, 12, 31), VISIT);
    }

    private static IndicatorDefined casesIndicator() {
        return new IndicatorDefined(DISAPPEARANCES, "cases-resolved", "Disappearance cases resolved", "cases",
                BigDecimal.ZERO, new BigDecimal("82000"), null, VISIT);
    }

    private static ProgressMeasured measured(String value, LocalDate on) {
        return new ProgressMeasured(DISAPPEARANCES, "cases-resolved", "m-" + on, new BigDecimal(value), on,
                "Comisión Nacional de Búsqueda");
    }

    private static org.commitmenttracker.query.funding.Total totalUsd(String value) {
        return new org.commitmenttracker.query.funding.Total(new BigDecimal(value), "USD");
    }

    private static Money usd(String value) {
        return Money.of(value, "USD");
    }
}
