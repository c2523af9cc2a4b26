package org.commitmenttracker.query.publication;

import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentDetail.Status;
import org.commitmenttracker.query.funding.FundingLedger;
import org.commitmenttracker.query.funding.Total;
import org.commitmenttracker.query.funding.FundingLedger.Entry;
import org.commitmenttracker.query.funding.FundingLedger.Kind;
import org.commitmenttracker.query.publication.ProgressFigures.Basis;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressFiguresTest {

    private static final LocalDate ANNOUNCED = LocalDate.of(2021, 6, 8);

    @Test
    void fundingByFiscalYearPutsEachFactInTheYearOfItsDateAndReversalsInTheirOwnYear() {
        FundingLedger ledger = FundingLedger.of(List.of(
                entry(2, Kind.PLEDGE, "2021-06-08", "130000000.00", "labor"),
                entry(3, Kind.OBLIGATION, "2021-09-17", "25000000.00", "ilo"),
                entry(4, Kind.OBLIGATION, "2022-02-01", "15000000.00", "sc"),
                entry(5, Kind.DISBURSEMENT, "2021-11-02", "5000000.00", "v1"),
                entry(6, Kind.DISBURSEMENT, "2022-09-15", "7500000.00", "v2"),
                entry(7, Kind.REVERSAL, "2022-10-20", "7500000.00", "v2")));
        CommitmentDetail detail = detail(Status.IN_PROGRESS, List.of(new CommitmentDetail.Pledge("labor",
                Money.of("130000000.00", "USD"), ANNOUNCED, LocalDate.of(2024, 6, 7), "Department of Labor")), List.of());

        List<ProgressFigures.FiscalYearFunding> years = ProgressFigures.byFiscalYear(detail, ledger);

        assertThat(years).extracting(ProgressFigures.FiscalYearFunding::fiscalYear)
                .containsExactly("FY2021", "FY2022", "FY2023");
        assertThat(years.get(0).pledged()).isEqualByComparingTo("130000000.00");
        assertThat(years.get(0).obligated()).as("2021-09-17 is in FY2021").isEqualByComparingTo("25000000.00");
        assertThat(years.get(0).disbursed()).isEqualByComparingTo("0");
        assertThat(years.get(1).pledged()).isEqualByComparingTo("0");
        assertThat(years.get(1).obligated()).isEqualByComparingTo("15000000.00");
        assertThat(years.get(1).disbursed()).isEqualByComparingTo("12500000.00");
        assertThat(years.get(2).disbursed()).isEqualByComparingTo("-7500000.00");
    }

    @Test
    void progressIsTheShareDisbursedWhereFundsArePledgedElseTheIndicatorsElseNothing() {
        CommitmentDetail funded = new CommitmentDetail("c", "T", "S", Category.LABOR, List.of("US"), List.of(), ANNOUNCED,
                null, Status.IN_PROGRESS, false, null, 3, ANNOUNCED, null,
                new CommitmentDetail.Funding("USD", total("100.00"), total("50.00"),
                        total("25.00"), total("0.00"), new BigDecimal("25.0")),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        CommitmentDetail measured = detail(Status.IN_PROGRESS, List.of(), List.of(
                new CommitmentDetail.Indicator("cases", "Cases", "cases", BigDecimal.ZERO, new BigDecimal("82000"),
                        null, new CommitmentDetail.Measurement(new BigDecimal("8200"), ANNOUNCED), new BigDecimal("10.0"))));

        assertThat(ProgressFigures.progress(funded)).isEqualTo(new ProgressFigures.Progress(25, Basis.FUNDING));
        assertThat(ProgressFigures.progress(measured)).isEqualTo(new ProgressFigures.Progress(10, Basis.INDICATORS));
        assertThat(ProgressFigures.progress(detail(Status.ANNOUNCED, List.of(), List.of())))
                .isEqualTo(new ProgressFigures.Progress(0, Basis.NONE));
        assertThat(ProgressFigures.progress(detail(Status.FULFILLED, List.of(), List.of())))
                .isEqualTo(new ProgressFigures.Progress(100, Basis.FULFILLED));
    }

    private static CommitmentDetail detail(Status status, List<CommitmentDetail.Pledge> pledges,
                                           List<CommitmentDetail.Indicator> indicators) {
        return new CommitmentDetail("c", "T", "S", Category.LABOR, List.of("US"), List.of(), ANNOUNCED, null, status,
                false, null, 1, ANNOUNCED, null, null, pledges, List.of(), List.of(), indicators, List.of(), List.of());
    }

    private static Entry entry(long version, Kind kind, String date, String value, String reference) {
        return new Entry(version, kind, LocalDate.parse(date), Money.of(value, "USD"), reference, "x", null, null, null);
    }

    private static Total total(String value) {
        return new Total(new BigDecimal(value), "USD");
    }
}
