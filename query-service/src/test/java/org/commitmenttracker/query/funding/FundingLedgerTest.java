package org.commitmenttracker.query.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.query.Facts.totalUsd;
import static org.commitmenttracker.query.Facts.usd;

import java.time.LocalDate;
import java.util.List;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.query.funding.FundingLedger.Entry;
import org.commitmenttracker.query.funding.FundingLedger.Kind;
import org.junit.jupiter.api.Test;

class FundingLedgerTest {

    @Test
    void usFiscalYearsRunFromOctoberToSeptember() {
        assertThat(FundingLedger.fiscalYear(LocalDate.of(2021, 9, 30))).isEqualTo("FY2021");
        assertThat(FundingLedger.fiscalYear(LocalDate.of(2021, 10, 1))).isEqualTo("FY2022");
        assertThat(FundingLedger.fiscalYear(LocalDate.of(2021, 11, 15))).isEqualTo("FY2022");
        assertThat(FundingLedger.fiscalYear(LocalDate.of(2022, 9, 30))).isEqualTo("FY2022");
        assertThat(FundingLedger.fiscalYear(LocalDate.of(2022, 1, 1))).isEqualTo("FY2022");
    }

    @Test
    void aReversalCountsOnceAndOnlyForADisbursementThatExists() {
        FundingLedger ledger = FundingLedger.of(List.of(
                entry(1, Kind.PLEDGE, "p", usd("100.00")),
                entry(2, Kind.DISBURSEMENT, "v-1", usd("40.00")),
                entry(3, Kind.REVERSAL, "v-1", usd("40.00")),
                entry(4, Kind.REVERSAL, "v-1", usd("40.00")),
                entry(5, Kind.REVERSAL, "v-unknown", usd("10.00"))));

        assertThat(ledger.disbursed()).isEqualTo(totalUsd("0.00"));
        assertThat(ledger.reversed()).isEqualTo(totalUsd("40.00"));
        assertThat(ledger.entries()).hasSize(5);
    }

    @Test
    void amountsInAnotherCurrencyThanTheFirstPledgeAreListedButNotCounted() {
        FundingLedger ledger = FundingLedger.of(List.of(
                entry(1, Kind.PLEDGE, "p", usd("100.00")),
                entry(2, Kind.OBLIGATION, "a", new Money(new java.math.BigDecimal("50.00"), "MXN"))));

        assertThat(ledger.currency()).isEqualTo("USD");
        assertThat(ledger.obligated()).isEqualTo(totalUsd("0.00"));
        assertThat(ledger.entries()).hasSize(2);
    }

    private static Entry entry(long version, Kind kind, String reference, Money amount) {
        return new Entry(version, kind, LocalDate.of(2022, 1, 1).plusDays(version), amount, reference, null, null,
                null, null);
    }
}
