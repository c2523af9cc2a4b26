package org.commitmenttracker.command.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmenttracker.command.funding.DeobligateFunds;
import org.commitmenttracker.command.funding.DisburseFunds;
import org.commitmenttracker.command.funding.PledgeFunds;
import org.commitmenttracker.command.funding.ReverseDisbursement;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDeobligated;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.CONFLICT;
import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.UNKNOWN;
import static org.commitmenttracker.command.commitment.Examples.AWARD;
import static org.commitmenttracker.command.commitment.Examples.DISBURSED_ON;
import static org.commitmenttracker.command.commitment.Examples.FUNDING_SOURCE;
import static org.commitmenttracker.command.commitment.Examples.ILO;
import static org.commitmenttracker.command.commitment.Examples.LABOR;
import static org.commitmenttracker.command.commitment.Examples.OBLIGATED_ON;
import static org.commitmenttracker.command.commitment.Examples.OFFICER;
import static org.commitmenttracker.command.commitment.Examples.PLEDGE_FROM;
import static org.commitmenttracker.command.commitment.Examples.PLEDGE_TO;
import static org.commitmenttracker.command.commitment.Examples.TODAY;
import static org.commitmenttracker.command.commitment.Examples.VISIT;
import static org.commitmenttracker.command.commitment.Examples.VOUCHER;
import static org.commitmenttracker.command.commitment.Examples.laborAnnounced;
import static org.commitmenttracker.command.commitment.Examples.laborHistory;
import static org.commitmenttracker.command.commitment.Examples.obligated;
import static org.commitmenttracker.command.commitment.Examples.pledged;
import static org.commitmenttracker.command.commitment.Examples.refused;
import static org.commitmenttracker.command.commitment.Examples.usd;
import static org.hamcrest.Matchers.containsString;

/**
 * Per-obligation accounting (domain.md "Rules"): a disbursement naming its obligation draws on
 * it, on or after it; de-obligation releases what is undisbursed; totals stay representable.
 * The labor history has the USD 5 million award with USD 1 million disbursed against it.
 */
class ObligationAccountingTest {

    private static final String IL_AWARD = "IL-35000-21-75-K";

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    private static DisburseFunds disburseAgainstAward(String id, String amount, LocalDate on) {
        return new DisburseFunds(LABOR, id, usd(amount), on, ILO, AWARD, null, null, TODAY);
    }

    private static DeobligateFunds deobligate(String amount, LocalDate on) {
        return new DeobligateFunds(LABOR, "award-close-out", AWARD, usd(amount), on, "Unspent at close-out.",
                IL_AWARD, TODAY);
    }

    @Test
    void aDisbursementOverWhatRemainsOfItsObligationIsRefused() {
        fixture.given(laborHistory())
                .when(disburseAgainstAward("voucher-2021-0002", "4000000.01", DISBURSED_ON), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage("Disbursing USD 4000000.01 would overdraw obligation 'dol-ilab-2021-001': "
                        + "only USD 4000000.00 of it remains.")
                .expectNoEvents();
    }

    @Test
    void aDisbursementOfAllThatRemainsOfItsObligationIsRecorded() {
        fixture.given(laborHistory())
                .when(disburseAgainstAward("voucher-2021-0002", "4000000.00", DISBURSED_ON), OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FundsDisbursed(LABOR, "voucher-2021-0002", usd("4000000.00"), DISBURSED_ON, ILO,
                        AWARD, null, null));
    }

    @Test
    void aDisbursementBeforeItsObligationIsRefusedNamingBothDates() {
        fixture.given(laborHistory())
                .when(disburseAgainstAward("voucher-2021-0002", "1.00", OBLIGATED_ON.minusDays(1)), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("A disbursement on 2021-08-01 would precede obligation "
                        + "'dol-ilab-2021-001', obligated on 2021-08-02; a fact never precedes the fact it depends on "
                        + "(if the earlier fact's date is wrong, correct it first)."))
                .expectNoEvents();
    }

    @Test
    void aReversalKeepsTheObligationOfItsDisbursement() {
        fixture.given(laborHistory())
                .when(new ReverseDisbursement(LABOR, VOUCHER, "Paid twice.", TODAY, "2021/10-REV-1", TODAY), OFFICER)
                .expectEvents(new DisbursementReversed(LABOR, VOUCHER, usd("1000000.00"), "Paid twice.", TODAY, AWARD,
                        "2021/10-REV-1"));
    }

    @Test
    void aReversalBeforeItsDisbursementIsRefused() {
        fixture.given(laborHistory())
                .when(new ReverseDisbursement(LABOR, VOUCHER, "Paid twice.", DISBURSED_ON.minusDays(1), null, TODAY),
                        OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("A reversal on 2021-08-31 would precede its disbursement, "
                        + "disbursed on 2021-09-01"))
                .expectNoEvents();
    }

    @Test
    void deobligationReleasesUnspentObligatedMoney() {
        fixture.given(laborHistory())
                .when(deobligate("4000000.00", TODAY), OFFICER)
                .expectEvents(new FundsDeobligated(LABOR, "award-close-out", AWARD, usd("4000000.00"), TODAY,
                        "Unspent at close-out.", IL_AWARD));
    }

    @Test
    void deobligationBeyondWhatIsUndisbursedIsRefused() {
        fixture.given(laborHistory())
                .when(deobligate("4000000.01", TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("more than the USD 4000000.00 it has undisbursed"))
                .expectNoEvents();
    }

    @Test
    void deobligationOfAnUnknownObligationIsNotFound() {
        fixture.given(laborHistory())
                .when(new DeobligateFunds(LABOR, "close-out", "dol-ilab-1999-999", usd("1.00"), TODAY, "Close-out.",
                        null, TODAY), OFFICER)
                .expectException(refused(UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void deobligationBeforeItsObligationIsRefused() {
        fixture.given(laborHistory())
                .when(deobligate("1.00", OBLIGATED_ON.minusDays(1)), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("would precede obligation 'dol-ilab-2021-001'"))
                .expectNoEvents();
    }

    @Test
    void deobligatedMoneyCanNoLongerBeDisbursedFromItsObligation() {
        fixture.given(with(new FundsDeobligated(LABOR, "award-close-out", AWARD, usd("3000000.00"), TODAY,
                        "Unspent at close-out.", null)))
                .when(disburseAgainstAward("voucher-2021-0002", "1000000.01", TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aPledgeThatWouldTakeThePledgedTotalPastTheLargestTotalIsRefused() {
        fixture.given(laborAnnounced(), pledged("everything", usd("999999999999999.99")))
                .when(new PledgeFunds(LABOR, "one-cent-more", usd("0.01"), PLEDGE_FROM, PLEDGE_TO, FUNDING_SOURCE,
                        VISIT, null, TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("past the largest total of 999999999999999.99"))
                .expectNoEvents();
    }

    @Test
    void aPledgeUpToTheLargestTotalIsRecorded() {
        fixture.given(laborAnnounced(), pledged("almost-everything", usd("999999999999999.98")))
                .when(new PledgeFunds(LABOR, "one-cent-more", usd("0.01"), PLEDGE_FROM, PLEDGE_TO, FUNDING_SOURCE,
                        VISIT, null, TODAY), OFFICER)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theAccountingReferenceIsRecordedWithTheFact() {
        fixture.given(laborAnnounced(), pledged("labor", usd("100.00")), obligated(AWARD, usd("50.00")))
                .when(new DisburseFunds(LABOR, "voucher-2022-03-002", usd("50.00"), OBLIGATED_ON, ILO, AWARD, null,
                        "2022/03-002", TODAY), OFFICER)
                .expectEvents(new FundsDisbursed(LABOR, "voucher-2022-03-002", usd("50.00"), OBLIGATED_ON, ILO, AWARD,
                        null, "2022/03-002"));
    }

    @Test
    void eightyAgainstAFiftyDollarObligationIsRefused() {
        fixture.given(laborAnnounced(), pledged("labor", usd("100.00")), obligated(AWARD, usd("50.00")),
                        obligated("another-award", usd("50.00")))
                .when(new DisburseFunds(LABOR, "voucher-80", usd("80.00"), OBLIGATED_ON, ILO, AWARD, null, null,
                        TODAY), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("would overdraw obligation 'dol-ilab-2021-001'"))
                .expectNoEvents();
    }

    private static List<Object> with(Object event) {
        List<Object> history = new ArrayList<>(laborHistory());
        history.add(event);
        return history;
    }

}
