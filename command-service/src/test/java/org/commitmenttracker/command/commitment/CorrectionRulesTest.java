package org.commitmenttracker.command.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmenttracker.command.correction.CorrectFact;
import org.commitmenttracker.command.correction.RetractFact;
import org.commitmenttracker.command.funding.DisburseFunds;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactKind;
import org.commitmenttracker.events.correction.FactRetracted;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.progress.EvidenceAttached;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.CONFLICT;
import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.INVALID;
import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.UNKNOWN;
import static org.commitmenttracker.command.commitment.Examples.AWARD;
import static org.commitmenttracker.command.commitment.Examples.DISBURSED_ON;
import static org.commitmenttracker.command.commitment.Examples.HLED;
import static org.commitmenttracker.command.commitment.Examples.HLED_DIALOGUE;
import static org.commitmenttracker.command.commitment.Examples.HLED_HELD_ON;
import static org.commitmenttracker.command.commitment.Examples.ILO;
import static org.commitmenttracker.command.commitment.Examples.LABOR;
import static org.commitmenttracker.command.commitment.Examples.LABOR_HISTORY_VERSION;
import static org.commitmenttracker.command.commitment.Examples.OFFICER;
import static org.commitmenttracker.command.commitment.Examples.OBLIGATED_ON;
import static org.commitmenttracker.command.commitment.Examples.TODAY;
import static org.commitmenttracker.command.commitment.Examples.VISIT;
import static org.commitmenttracker.command.commitment.Examples.VOUCHER;
import static org.commitmenttracker.command.commitment.Examples.hledAnnounced;
import static org.commitmenttracker.command.commitment.Examples.hledHeld;
import static org.commitmenttracker.command.commitment.Examples.hledScheduled;
import static org.commitmenttracker.command.commitment.Examples.laborAnnounced;
import static org.commitmenttracker.command.commitment.Examples.laborHistory;
import static org.commitmenttracker.command.commitment.Examples.mxn;
import static org.commitmenttracker.command.commitment.Examples.refused;
import static org.commitmenttracker.command.commitment.Examples.usd;
import static org.hamcrest.Matchers.containsString;

/**
 * Corrections and retractions (domain.md "Corrections"): a corrected fact obeys every rule as if
 * it had been recorded that way; a retracted fact never happened.
 */
class CorrectionRulesTest {

    private static final String TYPO = "Keyed as 1,000,000 instead of 1,500,000.";

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    /** The voucher of the labor history (USD 1 million against the USD 5 million award), as it should have read. */
    private static FundsDisbursed voucherOf(String amount) {
        return new FundsDisbursed(LABOR, VOUCHER, usd(amount), DISBURSED_ON, ILO, AWARD, null, "2021/09-001");
    }

    private static CorrectFact correct(FactKind kind, String id, CommitmentEvent content) {
        return new CorrectFact(content.commitmentId(), kind, id, content, TYPO, TODAY);
    }

    @Test
    void aMistypedAmountIsCorrectedWithTheWholeFactAsItShouldHaveRead() {
        FundsDisbursed corrected = voucherOf("1500000.00");

        fixture.given(laborHistory())
                .when(correct(FactKind.DISBURSEMENT, VOUCHER, corrected), OFFICER)
                .expectEvents(new FactCorrected(LABOR, FactKind.DISBURSEMENT, VOUCHER, "FundsDisbursed", corrected,
                        TYPO, TODAY))
                .expectResultMessagePayload(LABOR_HISTORY_VERSION + 1);
    }

    @Test
    void aCorrectionThatWouldOverdrawItsObligationIsRefused() {
        fixture.given(laborHistory())
                .when(correct(FactKind.DISBURSEMENT, VOUCHER, voucherOf("5000000.01")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("Obligation 'dol-ilab-2021-001' of USD 5000000.00 would be overdrawn"))
                .expectNoEvents();
    }

    @Test
    void aCorrectedDisbursementMayNotPrecedeItsObligation() {
        FundsDisbursed early = new FundsDisbursed(LABOR, VOUCHER, usd("1000000.00"), OBLIGATED_ON.minusDays(1), ILO,
                AWARD, null, null);

        fixture.given(laborHistory())
                .when(correct(FactKind.DISBURSEMENT, VOUCHER, early), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("2021-08-01 would precede obligation 'dol-ilab-2021-001', "
                        + "obligated on 2021-08-02"))
                .expectNoEvents();
    }

    @Test
    void aCorrectedObligationMustStillCoverWhatWasDisbursedFromIt() {
        FundsObligated smaller = new FundsObligated(LABOR, AWARD, usd("999999.99"), OBLIGATED_ON, ILO, null);

        fixture.given(laborHistory())
                .when(correct(FactKind.OBLIGATION, AWARD, smaller), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aCorrectionKeepsTheCommitmentsCurrency() {
        FundsDisbursed inPesos = new FundsDisbursed(LABOR, VOUCHER, mxn("1000000.00"), DISBURSED_ON, ILO, AWARD,
                null, null);

        fixture.given(laborHistory())
                .when(correct(FactKind.DISBURSEMENT, VOUCHER, inPesos), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage("All money of this commitment is in USD, not MXN.")
                .expectNoEvents();
    }

    @Test
    void aHeldDateCorrectedToBeforeTheSchedulingIsRefused() {
        DialogueHeld heldTooEarly = new DialogueHeld(HLED, HLED_DIALOGUE, VISIT.minusDays(1), "Washington, D.C.",
                List.of("Four pillars of cooperation agreed"), null);

        fixture.given(hledAnnounced(), hledScheduled(), hledHeld())
                .when(correct(FactKind.DIALOGUE, HLED_DIALOGUE, heldTooEarly), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("a fact dated 2021-06-07 would precede its scheduling on "
                        + "2021-06-08"))
                .expectNoEvents();
    }

    @Test
    void aHeldDateCorrectedToAnotherDayAfterTheSchedulingIsRecorded() {
        DialogueHeld heldNextDay = new DialogueHeld(HLED, HLED_DIALOGUE, HLED_HELD_ON.plusDays(1), "Washington, D.C.",
                List.of("Four pillars of cooperation agreed"), null);

        fixture.given(hledAnnounced(), hledScheduled(), hledHeld())
                .when(correct(FactKind.DIALOGUE, HLED_DIALOGUE, heldNextDay), OFFICER)
                .expectEvents(new FactCorrected(HLED, FactKind.DIALOGUE, HLED_DIALOGUE, "DialogueHeld", heldNextDay,
                        TYPO, TODAY));
    }

    @Test
    void aSchedulingDateCorrectedToAfterTheHeldDateIsRefused() {
        DialogueScheduled late = new DialogueScheduled(HLED, HLED_DIALOGUE, "High-Level Economic Dialogue 2021",
                LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30), null, HLED_HELD_ON.plusDays(1));

        fixture.given(hledAnnounced(), hledScheduled(), hledHeld())
                .when(correct(FactKind.DIALOGUE, HLED_DIALOGUE, late), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aCorrectionThatChangesNothingIsAConflict() {
        fixture.given(laborHistory())
                .when(correct(FactKind.DISBURSEMENT, VOUCHER, new FundsDisbursed(LABOR, VOUCHER, usd("1000000.00"),
                        DISBURSED_ON, ILO, AWARD, null, null)), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("nothing to correct"))
                .expectNoEvents();
    }

    @Test
    void correctingAFactNeverRecordedIsNotFound() {
        FundsDisbursed unknown = new FundsDisbursed(LABOR, "voucher-2021-0999", usd("1.00"), DISBURSED_ON, ILO, AWARD,
                null, null);

        fixture.given(laborHistory())
                .when(correct(FactKind.DISBURSEMENT, "voucher-2021-0999", unknown), OFFICER)
                .expectException(refused(UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void theContentMustBeAnEventOfTheFactsKind() {
        fixture.given(laborHistory())
                .when(new CorrectFact(LABOR, FactKind.OBLIGATION, VOUCHER, voucherOf("1500000.00"), TYPO, TODAY),
                        OFFICER)
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void theContentMustKeepTheFactsId() {
        fixture.given(laborHistory())
                .when(new CorrectFact(LABOR, FactKind.DISBURSEMENT, "voucher-2021-0002", voucherOf("1500000.00"), TYPO,
                        TODAY), OFFICER)
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void aClosedCommitmentTakesNoCorrectionOfItsFunding() {
        fixture.given(with(new CommitmentWithdrawn(LABOR, TODAY, "Programme ended.")))
                .when(correct(FactKind.DISBURSEMENT, VOUCHER, voucherOf("1500000.00")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("is closed"))
                .expectNoEvents();
    }

    @Test
    void aClosedCommitmentStillTakesACorrectionOfItsEvidence() {
        EvidenceAttached attached = new EvidenceAttached(LABOR, "ilab-press-release", "ILAB awards",
                "https://www.dol.gov/newsroom", null, VISIT);
        EvidenceAttached corrected = new EvidenceAttached(LABOR, "ilab-press-release", "ILAB awards",
                "https://www.dol.gov/agencies/ilab", null, VISIT);
        List<Object> history = with(attached);
        history.add(new CommitmentWithdrawn(LABOR, TODAY, "Programme ended."));

        fixture.given(history)
                .when(correct(FactKind.EVIDENCE, "ilab-press-release", corrected), OFFICER)
                .expectEvents(new FactCorrected(LABOR, FactKind.EVIDENCE, "ilab-press-release", "EvidenceAttached",
                        corrected, TYPO, TODAY));
    }

    @Test
    void theAnnouncementDateMayBeCorrected() {
        CommitmentAnnounced announced = laborAnnounced();
        CommitmentAnnounced dayBefore = new CommitmentAnnounced(LABOR, announced.title(), announced.summary(),
                announced.category(), announced.parties(), announced.leadAgencies(), VISIT.minusDays(1),
                announced.source(), announced.dueBy());

        fixture.given(laborHistory())
                .when(correct(FactKind.COMMITMENT, LABOR, dayBefore), OFFICER)
                .expectEvents(new FactCorrected(LABOR, FactKind.COMMITMENT, LABOR, "CommitmentAnnounced", dayBefore,
                        TYPO, TODAY));
    }

    // --- retractions ---

    @Test
    void aRetractedDisbursementNoLongerCounts() {
        fixture.given(with(retracted(FactKind.DISBURSEMENT, VOUCHER, "FundsDisbursed")))
                .when(new DisburseFunds(LABOR, "voucher-2021-0002", usd("5000000.00"), DISBURSED_ON, ILO, AWARD, null,
                        null, TODAY), OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(FundsDisbursed.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void retractingTheAnnouncementIsRefusedForItIsWithdrawn() {
        fixture.given(laborHistory())
                .when(new RetractFact(LABOR, FactKind.COMMITMENT, LABOR, null, "Entered in error.", TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("withdrawn"))
                .expectNoEvents();
    }

    @Test
    void aReversedDisbursementIsRetractedOnlyAfterItsReversal() {
        fixture.given(with(new DisbursementReversed(LABOR, VOUCHER, usd("1000000.00"), "Paid twice", TODAY, AWARD,
                        null)))
                .when(new RetractFact(LABOR, FactKind.DISBURSEMENT, VOUCHER, null, "Entered in error.", TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("retract the reversal first"))
                .expectNoEvents();
    }

    @Test
    void onceItsReversalIsRetractedADisbursementMayBeRetracted() {
        List<Object> history = with(new DisbursementReversed(LABOR, VOUCHER, usd("1000000.00"), "Paid twice", TODAY,
                AWARD, null));
        history.add(retracted(FactKind.REVERSAL, VOUCHER, "DisbursementReversed"));

        fixture.given(history)
                .when(new RetractFact(LABOR, FactKind.DISBURSEMENT, VOUCHER, null, "Entered in error.", TODAY), OFFICER)
                .expectEvents(new FactRetracted(LABOR, FactKind.DISBURSEMENT, VOUCHER, "FundsDisbursed",
                        "Entered in error.", TODAY));
    }

    @Test
    void anObligationThatADisbursementNamesIsRetractedOnlyAfterIt() {
        fixture.given(laborHistory())
                .when(new RetractFact(LABOR, FactKind.OBLIGATION, AWARD, null, "Entered in error.", TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("disbursement 'voucher-2021-0001'"))
                .expectNoEvents();
    }

    @Test
    void aRetractedIdIsNotUsedByANewFact() {
        fixture.given(with(retracted(FactKind.DISBURSEMENT, VOUCHER, "FundsDisbursed")))
                .when(new DisburseFunds(LABOR, VOUCHER, usd("1000000.00"), DISBURSED_ON, ILO, AWARD, null, null, TODAY),
                        OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("was retracted"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionMayBringARetractedFactBack() {
        FundsDisbursed corrected = voucherOf("1500000.00");

        fixture.given(with(retracted(FactKind.DISBURSEMENT, VOUCHER, "FundsDisbursed")))
                .when(correct(FactKind.DISBURSEMENT, VOUCHER, corrected), OFFICER)
                .expectEvents(new FactCorrected(LABOR, FactKind.DISBURSEMENT, VOUCHER, "FundsDisbursed", corrected,
                        TYPO, TODAY));
    }

    @Test
    void aFactIsRetractedOnlyOnce() {
        fixture.given(with(retracted(FactKind.DISBURSEMENT, VOUCHER, "FundsDisbursed")))
                .when(new RetractFact(LABOR, FactKind.DISBURSEMENT, VOUCHER, null, "Entered in error.", TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("already been retracted"))
                .expectNoEvents();
    }

    @Test
    void aRetractedHeldDialogueMayBeHeldAgain() {
        fixture.given(hledAnnounced(), hledScheduled(), hledHeld(),
                        new FactRetracted(HLED, FactKind.DIALOGUE, HLED_DIALOGUE, "DialogueHeld", "Entered in error.",
                                TODAY))
                .when(Examples.holdHled(), OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectEvents(hledHeld());
    }

    private static FactRetracted retracted(FactKind kind, String id, String factType) {
        return new FactRetracted(LABOR, kind, id, factType, "Entered in error.", TODAY);
    }

    private static List<Object> with(Object event) {
        List<Object> history = new ArrayList<>(laborHistory());
        history.add(event);
        return history;
    }

}
