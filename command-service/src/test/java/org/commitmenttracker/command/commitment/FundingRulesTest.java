package org.commitmenttracker.command.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmenttracker.command.funding.DisburseFunds;
import org.commitmenttracker.command.funding.PledgeFunds;
import org.commitmenttracker.command.funding.ReverseDisbursement;
import org.commitmenttracker.command.funding.RevisePledge;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.PledgeRevised;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.CONFLICT;
import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.INVALID;
import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.UNKNOWN;
import static org.commitmenttracker.command.commitment.Examples.AWARD;
import static org.commitmenttracker.command.commitment.Examples.DISBURSED_ON;
import static org.commitmenttracker.command.commitment.Examples.FUNDING_SOURCE;
import static org.commitmenttracker.command.commitment.Examples.ILO;
import static org.commitmenttracker.command.commitment.Examples.LABOR;
import static org.commitmenttracker.command.commitment.Examples.OFFICER;
import static org.commitmenttracker.command.commitment.Examples.PLEDGE;
import static org.commitmenttracker.command.commitment.Examples.TODAY;
import static org.commitmenttracker.command.commitment.Examples.VISIT;
import static org.commitmenttracker.command.commitment.Examples.VOUCHER;
import static org.commitmenttracker.command.commitment.Examples.disburse;
import static org.commitmenttracker.command.commitment.Examples.disbursed;
import static org.commitmenttracker.command.commitment.Examples.laborAnnounced;
import static org.commitmenttracker.command.commitment.Examples.laborPledged;
import static org.commitmenttracker.command.commitment.Examples.mxn;
import static org.commitmenttracker.command.commitment.Examples.obligate;
import static org.commitmenttracker.command.commitment.Examples.obligated;
import static org.commitmenttracker.command.commitment.Examples.pledge;
import static org.commitmenttracker.command.commitment.Examples.pledgeLabor;
import static org.commitmenttracker.command.commitment.Examples.pledged;
import static org.commitmenttracker.command.commitment.Examples.refused;
import static org.commitmenttracker.command.commitment.Examples.reverse;
import static org.commitmenttracker.command.commitment.Examples.reversed;
import static org.commitmenttracker.command.commitment.Examples.usd;
import static org.hamcrest.Matchers.containsString;

/** Pledged, obligated, disbursed: the limits of domain.md, each tested at its edge. */
class FundingRulesTest {

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    // --- pledges ---

    @Test
    void canPledgeTheLaborFundsOverThreeYears() {
        fixture.given(laborAnnounced())
                .when(pledgeLabor(), OFFICER)
                .expectEvents(laborPledged())
                .expectResultMessagePayload(2L);
    }

    @Test
    void amountsMustBePositive() {
        fixture.given(laborAnnounced())
                .when(pledge(PLEDGE, usd("0.00")), OFFICER)
                .expectException(refused(INVALID))
                .expectExceptionMessage(containsString("must be positive"))
                .expectNoEvents();
    }

    @Test
    void negativePledgeIsRefused() {
        fixture.given(laborAnnounced())
                .when(pledge(PLEDGE, usd("-130000000.00")), OFFICER)
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void periodMustEndAfterItStarts() {
        fixture.given(laborAnnounced())
                .when(new PledgeFunds(LABOR, PLEDGE, usd("130000000.00"), VISIT, VISIT, FUNDING_SOURCE, VISIT, null, TODAY),
                        OFFICER)
                .expectException(refused(INVALID))
                .expectExceptionMessage(containsString("periodTo"))
                .expectNoEvents();
    }

    @Test
    void periodCanEndTheDayAfterItStarts() {
        fixture.given(laborAnnounced())
                .when(new PledgeFunds(LABOR, PLEDGE, usd("130000000.00"), VISIT, VISIT.plusDays(1), FUNDING_SOURCE,
                        VISIT, null, TODAY), OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L);
    }

    @Test
    void periodCannotEndBeforeItStarts() {
        fixture.given(laborAnnounced())
                .when(new PledgeFunds(LABOR, PLEDGE, usd("130000000.00"), VISIT, VISIT.minusDays(1), FUNDING_SOURCE,
                        VISIT, null, TODAY), OFFICER)
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void theFirstPledgeMayBeInAnyCurrency() {
        fixture.given(laborAnnounced())
                .when(pledge("labor-mx-counterpart", mxn("50000000.00")), OFFICER)
                .expectEvents(pledged("labor-mx-counterpart", mxn("50000000.00")));
    }

    @Test
    void secondPledgeMustBeInTheCurrencyOfTheFirst() {
        fixture.given(laborAnnounced(), laborPledged())
                .when(pledge("labor-mx-counterpart", mxn("50000000.00")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage("All money of this commitment is in USD, not MXN.")
                .expectNoEvents();
    }

    @Test
    void pledgesAddUpToOneLimitForObligations() {
        fixture.given(laborAnnounced(), laborPledged(), pledged("labor-2022-top-up", usd("20000000.00")))
                .when(obligate(AWARD, usd("150000000.00")), OFFICER)
                .expectEvents(obligated(AWARD, usd("150000000.00")));
    }

    // --- obligations ---

    @Test
    void canObligateExactlyThePledge() {
        fixture.given(laborAnnounced(), laborPledged())
                .when(obligate(AWARD, usd("130000000.00")), OFFICER)
                .expectEvents(obligated(AWARD, usd("130000000.00")))
                .expectResultMessagePayload(3L);
    }

    @Test
    void cannotObligateMoreThanPledged() {
        fixture.given(laborAnnounced(), laborPledged())
                .when(obligate(AWARD, usd("130000000.01")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage("Obligating USD 130000000.01 would bring obligations to USD 130000000.01, "
                        + "above the USD 130000000.00 pledged.")
                .expectNoEvents();
    }

    @Test
    void firstObligationMustCoverWhatWasDisbursedBeforeIt() {
        fixture.given(laborAnnounced(), laborPledged(), disbursed("v-2021-001", usd("1000000.00")))
                .when(obligate(AWARD, usd("999999.99")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage("Obligations of USD 999999.99 would not cover the USD 1000000.00 already disbursed.")
                .expectNoEvents();
    }

    @Test
    void firstObligationCoveringExactlyWhatWasDisbursedIsAccepted() {
        fixture.given(laborAnnounced(), laborPledged(), disbursed("v-2021-001", usd("1000000.00")))
                .when(obligate(AWARD, usd("1000000.00")), OFFICER)
                .expectEvents(obligated(AWARD, usd("1000000.00")));
    }

    @Test
    void canObligateExactlyTheRemainingPledge() {
        fixture.given(laborAnnounced(), laborPledged(), obligated(AWARD, usd("100000000.00")))
                .when(obligate("dol-ilab-2021-002", usd("30000000.00")), OFFICER)
                .expectEvents(obligated("dol-ilab-2021-002", usd("30000000.00")))
                .expectResultMessagePayload(4L);
    }

    @Test
    void cannotObligateOneCentMoreThanTheRemainingPledge() {
        fixture.given(laborAnnounced(), laborPledged(), obligated(AWARD, usd("100000000.00")))
                .when(obligate("dol-ilab-2021-002", usd("30000000.01")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cannotObligateBeforeAnythingIsPledged() {
        fixture.given(laborAnnounced())
                .when(obligate(AWARD, usd("0.01")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void obligationsMustBePositive() {
        fixture.given(laborAnnounced(), laborPledged())
                .when(obligate(AWARD, usd("0.00")), OFFICER)
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void cannotObligateInAnotherCurrencyThanTheFirstPledge() {
        fixture.given(laborAnnounced(), laborPledged())
                .when(obligate(AWARD, mxn("1000000.00")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    // --- disbursements ---

    @Test
    void canDisburseExactlyTheRemainingObligation() {
        fixture.given(laborAnnounced(), laborPledged(), obligated(AWARD, usd("40000000.00")),
                        disbursed(VOUCHER, usd("30000000.00")))
                .when(disburse("voucher-2021-0002", usd("10000000.00")), OFFICER)
                .expectEvents(disbursed("voucher-2021-0002", usd("10000000.00")))
                .expectResultMessagePayload(5L);
    }

    @Test
    void cannotDisburseOneCentMoreThanObligated() {
        fixture.given(laborAnnounced(), laborPledged(), obligated(AWARD, usd("40000000.00")),
                        disbursed(VOUCHER, usd("30000000.00")))
                .when(disburse("voucher-2021-0002", usd("10000000.01")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage("Disbursing USD 10000000.01 would bring disbursements to USD 40000000.01, "
                        + "above the USD 40000000.00 obligated.")
                .expectNoEvents();
    }

    @Test
    void cannotDisburseMoreThanObligated() {
        fixture.given(laborAnnounced(), laborPledged(), obligated(AWARD, usd("40000000.00")))
                .when(disburse(VOUCHER, usd("50000000.00")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void onceAnythingIsObligatedThePledgeNoLongerLimitsDisbursements() {
        fixture.given(laborAnnounced(), laborPledged(), obligated(AWARD, usd("1000000.00")))
                .when(disburse(VOUCHER, usd("1000000.01")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("above the USD 1000000.00 obligated."))
                .expectNoEvents();
    }

    @Test
    void disbursementsAreLimitedByThePledgeWhileNothingIsObligated() {
        fixture.given(laborAnnounced(), laborPledged())
                .when(disburse(VOUCHER, usd("130000000.01")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("above the USD 130000000.00 pledged."))
                .expectNoEvents();
    }

    @Test
    void canDisburseTheWholePledgeWhileNothingIsObligated() {
        fixture.given(laborAnnounced(), laborPledged())
                .when(disburse(VOUCHER, usd("130000000.00")), OFFICER)
                .expectEvents(disbursed(VOUCHER, usd("130000000.00")));
    }

    @Test
    void cannotDisburseBeforeAnythingIsPledged() {
        fixture.given(laborAnnounced())
                .when(disburse(VOUCHER, usd("0.01")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void disbursementsMustBePositive() {
        fixture.given(laborAnnounced(), laborPledged())
                .when(disburse(VOUCHER, usd("-0.01")), OFFICER)
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void cannotPayInAnotherCurrencyThanTheFirstPledge() {
        fixture.given(laborAnnounced(), laborPledged(), obligated(AWARD, usd("5000000.00")))
                .when(disburse(VOUCHER, mxn("1000.00")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage("All money of this commitment is in USD, not MXN.")
                .expectNoEvents();
    }

    @Test
    void canDisburseAgainstAKnownObligation() {
        fixture.given(laborAnnounced(), laborPledged(), obligated(AWARD, usd("5000000.00")))
                .when(new DisburseFunds(LABOR, VOUCHER, usd("1000000.00"), DISBURSED_ON, ILO, AWARD, "First tranche", null,
                        TODAY), OFFICER)
                .expectEvents(new FundsDisbursed(LABOR, VOUCHER, usd("1000000.00"), DISBURSED_ON, ILO, AWARD,
                        "First tranche", null));
    }

    @Test
    void cannotDisburseAgainstAnUnknownObligation() {
        fixture.given(laborAnnounced(), laborPledged(), obligated(AWARD, usd("5000000.00")))
                .when(new DisburseFunds(LABOR, VOUCHER, usd("1000000.00"), DISBURSED_ON, ILO, "dol-ilab-1999-999",
                        null, null, TODAY), OFFICER)
                .expectException(refused(UNKNOWN))
                .expectExceptionMessage("Obligation 'dol-ilab-1999-999' does not exist.")
                .expectNoEvents();
    }

    // --- reversals ---

    @Test
    void canReverseADisbursementWhichCarriesItsAmount() {
        fixture.given(laborAnnounced(), laborPledged(), disbursed(VOUCHER, usd("1000000.00")))
                .when(reverse(VOUCHER), OFFICER)
                .expectEvents(reversed(VOUCHER, usd("1000000.00")))
                .expectResultMessagePayload(4L);
    }

    @Test
    void reversalFreesItsAmountForANewDisbursement() {
        fixture.given(laborAnnounced(), laborPledged(), obligated(AWARD, usd("10000000.00")),
                        disbursed(VOUCHER, usd("10000000.00")), reversed(VOUCHER, usd("10000000.00")))
                .when(disburse("voucher-2021-0002", usd("10000000.00")), OFFICER)
                .expectEvents(disbursed("voucher-2021-0002", usd("10000000.00")));
    }

    @Test
    void cannotReverseADisbursementTwice() {
        fixture.given(laborAnnounced(), laborPledged(), disbursed(VOUCHER, usd("1000000.00")),
                        reversed(VOUCHER, usd("1000000.00")))
                .when(reverse(VOUCHER), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage("Disbursement 'voucher-2021-0001' has already been reversed.")
                .expectNoEvents();
    }

    @Test
    void cannotReverseAnUnknownDisbursement() {
        fixture.given(laborAnnounced(), laborPledged(), disbursed(VOUCHER, usd("1000000.00")))
                .when(reverse("voucher-1999-9999"), OFFICER)
                .expectException(refused(UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void reversalCannotPrecedeTheDisbursement() {
        fixture.given(laborAnnounced(), laborPledged(), disbursed(VOUCHER, usd("1000000.00")))
                .when(new ReverseDisbursement(LABOR, VOUCHER, "Paid twice", DISBURSED_ON.minusDays(1), null, TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void canReverseOnTheDayOfTheDisbursement() {
        fixture.given(laborAnnounced(), laborPledged(), disbursed(VOUCHER, usd("1000000.00")))
                .when(new ReverseDisbursement(LABOR, VOUCHER, "Paid twice", DISBURSED_ON, null, TODAY), OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(4L);
    }

    // --- pledge revisions ---

    @Test
    void canRevisePledge() {
        fixture.given(laborAnnounced(), laborPledged())
                .when(new RevisePledge(LABOR, PLEDGE, usd("120000000.00"), "Appropriation cut", TODAY, null, TODAY),
                        OFFICER)
                .expectEvents(new PledgeRevised(LABOR, PLEDGE, usd("120000000.00"), "Appropriation cut", TODAY, null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void pledgeCannotBeRevisedBelowWhatIsObligated() {
        fixture.given(laborAnnounced(), laborPledged(), obligated(AWARD, usd("100000000.00")))
                .when(revisePledgeTo("99999999.99"), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("below the USD 100000000.00 already obligated or disbursed"))
                .expectNoEvents();
    }

    @Test
    void pledgeCanBeRevisedDownToExactlyWhatIsObligated() {
        fixture.given(laborAnnounced(), laborPledged(), obligated(AWARD, usd("100000000.00")))
                .when(revisePledgeTo("100000000.00"), OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(4L);
    }

    @Test
    void pledgeCannotBeRevisedBelowWhatIsDisbursedWhileNothingIsObligated() {
        fixture.given(laborAnnounced(), laborPledged(), disbursed(VOUCHER, usd("50000000.00")))
                .when(revisePledgeTo("49999999.99"), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void otherPledgesCountWhenOneIsRevisedDown() {
        fixture.given(laborAnnounced(), laborPledged(), pledged("labor-2022-top-up", usd("20000000.00")),
                        obligated(AWARD, usd("140000000.00")))
                .when(revisePledgeTo("120000000.00"), OFFICER)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void revisedPledgeIsTheNewLimitForObligations() {
        fixture.given(laborAnnounced(), laborPledged(),
                        new PledgeRevised(LABOR, PLEDGE, usd("100000000.00"), "Appropriation cut", TODAY, null))
                .when(obligate(AWARD, usd("100000000.01")), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void pledgeRevisedUpwardsRaisesTheLimit() {
        fixture.given(laborAnnounced(), laborPledged(),
                        new PledgeRevised(LABOR, PLEDGE, usd("150000000.00"), "Supplemental appropriation", TODAY, null))
                .when(obligate(AWARD, usd("150000000.00")), OFFICER)
                .expectEvents(obligated(AWARD, usd("150000000.00")));
    }

    @Test
    void cannotReviseAnUnknownPledge() {
        fixture.given(laborAnnounced(), laborPledged())
                .when(new RevisePledge(LABOR, "labor-1999", usd("1.00"), "Typo", TODAY, null, TODAY), OFFICER)
                .expectException(refused(UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void revisedPledgeMustBePositive() {
        fixture.given(laborAnnounced(), laborPledged())
                .when(revisePledgeTo("0.00"), OFFICER)
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void revisedPledgeMustKeepTheCurrency() {
        fixture.given(laborAnnounced(), laborPledged())
                .when(new RevisePledge(LABOR, PLEDGE, mxn("2600000000.00"), "In pesos", TODAY, null, TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    private static RevisePledge revisePledgeTo(String value) {
        return new RevisePledge(LABOR, PLEDGE, usd(value), "Appropriation cut", LocalDate.of(2021, 9, 30), null, TODAY);
    }
}
