package org.commitmenttracker.query.funding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.commitmenttracker.events.value.Money;

/**
 * The funding of one commitment as {@code GET /api/commitments/{id}/ledger} shows it: the
 * totals, the disbursements by US fiscal year and every entry. All totals are in the currency
 * of the first pledge and null before it; {@code disbursed} is net of reversals everywhere.
 */
public record FundingLedger(String currency, Money pledged, Money obligated, Money disbursed, Money reversed,
                            Money available, List<FiscalYear> byFiscalYear, List<Entry> entries) {

    public enum Kind { PLEDGE, PLEDGE_REVISION, OBLIGATION, DISBURSEMENT, REVERSAL }

    /**
     * One line of the ledger. {@code reference} is the pledge id, award number (obligation id) or
     * voucher number (disbursement id; for a reversal, the voucher reversed); {@code counterpart}
     * the funding source, implementing partner or recipient.
     */
    public record Entry(long version, Kind kind, LocalDate date, Money amount, String reference, String counterpart,
                        String obligationId, String note) {
    }

    /** {@code disbursed} net of the reversals dated in that year; {@code reversed} those reversals. */
    public record FiscalYear(String fiscalYear, Money disbursed, Money reversed) {
    }

    public FundingLedger {
        byFiscalYear = List.copyOf(byFiscalYear);
        entries = List.copyOf(entries);
    }

    /**
     * The US federal fiscal year a day falls in: FY2022 runs from 2021-10-01 to 2022-09-30.
     */
    public static String fiscalYear(LocalDate date) {
        return "FY" + (date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear());
    }

    /**
     * Totals the entries of one commitment, taken in the order they were recorded (version). An
     * entry in another currency, a revision of an unknown pledge or a reversal of an unknown or
     * already reversed disbursement is listed but counts for nothing (the command side refuses
     * all of them; the ledger must not break on one).
     *
     * <p>A reversal counts in the fiscal year of the day it was reversed, not of the disbursement:
     * a closed year's figure does not change afterwards.
     */
    public static FundingLedger of(List<Entry> entriesInVersionOrder) {
        List<Entry> entries = new ArrayList<>(entriesInVersionOrder);
        entries.sort(Comparator.comparingLong(Entry::version));
        String currency = entries.stream().filter(e -> e.kind() == Kind.PLEDGE && e.amount() != null)
                .map(e -> e.amount().currency()).findFirst().orElse(null);
        List<Entry> byDate = new ArrayList<>(entries);
        byDate.sort(Comparator.comparing(Entry::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Entry::version));
        if (currency == null) {
            return new FundingLedger(null, null, null, null, null, null, List.of(), byDate);
        }
        Money zero = Money.zero(currency);
        Map<String, Money> pledges = new LinkedHashMap<>();
        Map<String, Money> disbursements = new HashMap<>();
        Set<String> reversedVouchers = new HashSet<>();
        Map<String, Money[]> years = new TreeMap<>();
        Money obligated = zero;
        Money disbursed = zero;
        Money reversed = zero;
        for (Entry entry : entries) {
            Money amount = entry.amount();
            if (amount == null || !amount.currency().equals(currency)) {
                continue;
            }
            switch (entry.kind()) {
                case PLEDGE -> pledges.putIfAbsent(entry.reference(), amount);
                case PLEDGE_REVISION -> pledges.computeIfPresent(entry.reference(), (id, old) -> amount);
                case OBLIGATION -> obligated = obligated.plus(amount);
                case DISBURSEMENT -> {
                    if (disbursements.putIfAbsent(entry.reference(), amount) == null) {
                        disbursed = disbursed.plus(amount);
                        Money[] year = year(years, entry.date(), zero);
                        year[0] = year[0].plus(amount);
                    }
                }
                case REVERSAL -> {
                    if (disbursements.containsKey(entry.reference()) && reversedVouchers.add(entry.reference())) {
                        disbursed = disbursed.minus(amount);
                        reversed = reversed.plus(amount);
                        Money[] year = year(years, entry.date(), zero);
                        year[0] = year[0].minus(amount);
                        year[1] = year[1].plus(amount);
                    }
                }
            }
        }
        Money pledged = pledges.values().stream().reduce(zero, Money::plus);
        // What may still be disbursed: the obligated funds minus the disbursed, or the pledged
        // minus the disbursed while nothing is obligated yet (the ceiling the command side enforces).
        Money available = (obligated.isPositive() ? obligated : pledged).minus(disbursed);
        List<FiscalYear> fiscalYears = new ArrayList<>();
        years.forEach((name, totals) -> fiscalYears.add(new FiscalYear(name, totals[0], totals[1])));
        return new FundingLedger(currency, pledged, obligated, disbursed, reversed, available, fiscalYears, byDate);
    }

    private static Money[] year(Map<String, Money[]> years, LocalDate date, Money zero) {
        String name = date == null ? "unknown" : fiscalYear(date);
        return years.computeIfAbsent(name, n -> new Money[]{zero, zero});
    }
}
