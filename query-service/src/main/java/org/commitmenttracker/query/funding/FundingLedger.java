package org.commitmenttracker.query.funding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
 * of the commitment (its first pledge's) and null before its first funding fact; {@code disbursed}
 * is net of reversals everywhere.
 * Built by {@link #of} alone, the one rule by which the detail, the dashboard and the state as
 * of a day count money too.
 */
public record FundingLedger(String currency, Total pledged, Total obligated, Total disbursed, Total reversed,
                            Total available, List<FiscalYear> byFiscalYear, List<Entry> entries,
                            @JsonIgnore Map<String, Money> pledgeAmounts) {

    public enum Kind { PLEDGE, PLEDGE_REVISION, OBLIGATION, DEOBLIGATION, DISBURSEMENT, REVERSAL }

    /**
     * One line of the ledger. {@code id} is the fact's id: the pledge, obligation, de-obligation or
     * disbursement id (for a reversal, the disbursement reversed); {@code reference} the accounting
     * system's own number (award, voucher), when the officer gave one; {@code counterpart} the
     * funding source, implementing partner or recipient; {@code obligationId} the obligation a
     * disbursement, reversal or de-obligation draws on.
     */
    public record Entry(long version, Kind kind, LocalDate date, Money amount, String id, String counterpart,
                        String obligationId, String note, String reference) {
    }

    /** {@code disbursed} net of the reversals dated in that year; {@code reversed} those reversals. */
    public record FiscalYear(String fiscalYear, Total disbursed, Total reversed) {
    }

    public FundingLedger {
        byFiscalYear = List.copyOf(byFiscalYear);
        entries = List.copyOf(entries);
        pledgeAmounts = Collections.unmodifiableMap(new LinkedHashMap<>(pledgeAmounts));
    }

    /**
     * The US federal fiscal year a day falls in: FY2022 runs from 2021-10-01 to 2022-09-30.
     */
    public static String fiscalYear(LocalDate date) {
        return "FY" + (date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear());
    }

    /**
     * Totals the entries of one commitment, taken in the order they were recorded (version). Each
     * pledge, obligation, de-obligation and voucher counts once, under its first entry (a
     * de-obligation only of a known obligation, lowering what is obligated); an entry in another
     * currency, a revision of an unknown pledge or a reversal of an unknown or already reversed
     * disbursement is listed but counts for nothing (the command side refuses all of them; the
     * ledger must not break on one).
     *
     * <p>A reversal counts in the fiscal year of the day it was reversed, not of the disbursement:
     * a closed year's figure does not change afterwards.
     */
    public static FundingLedger of(List<Entry> entriesInVersionOrder) {
        List<Entry> entries = new ArrayList<>(entriesInVersionOrder);
        entries.sort(Comparator.comparingLong(Entry::version));
        // All money of a commitment is in one currency (the command side sees to it): the first
        // line's, so that a disbursement dated before the first pledge still counts as of its day.
        String currency = entries.stream().filter(e -> e.amount() != null && e.kind() != Kind.PLEDGE_REVISION)
                .map(e -> e.amount().currency()).findFirst().orElse(null);
        List<Entry> byDate = new ArrayList<>(entries);
        byDate.sort(Comparator.comparing(Entry::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Entry::version));
        if (currency == null) {
            return new FundingLedger(null, null, null, null, null, null, List.of(), byDate, Map.of());
        }
        Total zero = Total.zero(currency);
        Map<String, Money> pledges = new LinkedHashMap<>();
        Set<String> obligations = new HashSet<>();
        Set<String> deobligations = new HashSet<>();
        Set<String> disbursements = new HashSet<>();
        Set<String> reversedVouchers = new HashSet<>();
        Map<String, Total[]> years = new TreeMap<>();
        Total obligated = zero;
        Total disbursed = zero;
        Total reversed = zero;
        for (Entry entry : entries) {
            Money amount = entry.amount();
            if (amount == null || !amount.currency().equals(currency)) {
                continue;
            }
            switch (entry.kind()) {
                case PLEDGE -> pledges.putIfAbsent(entry.id(), amount);
                case PLEDGE_REVISION -> pledges.computeIfPresent(entry.id(), (id, old) -> amount);
                case OBLIGATION -> {
                    if (obligations.add(entry.id())) {
                        obligated = obligated.plus(amount);
                    }
                }
                case DEOBLIGATION -> {
                    if (obligations.contains(entry.obligationId()) && deobligations.add(entry.id())) {
                        obligated = obligated.minus(amount);
                    }
                }
                case DISBURSEMENT -> {
                    if (disbursements.add(entry.id())) {
                        disbursed = disbursed.plus(amount);
                        Total[] year = year(years, entry.date(), zero);
                        year[0] = year[0].plus(amount);
                    }
                }
                case REVERSAL -> {
                    if (disbursements.contains(entry.id()) && reversedVouchers.add(entry.id())) {
                        disbursed = disbursed.minus(amount);
                        reversed = reversed.plus(amount);
                        Total[] year = year(years, entry.date(), zero);
                        year[0] = year[0].minus(amount);
                        year[1] = year[1].plus(amount);
                    }
                }
            }
        }
        Total pledged = zero;
        for (Money amount : pledges.values()) {
            pledged = pledged.plus(amount);
        }
        // What may still be disbursed: the obligated funds minus the disbursed, or the pledged
        // minus the disbursed while nothing is obligated yet (the ceiling the command side enforces).
        Total available = (obligated.isPositive() ? obligated : pledged).minus(disbursed);
        List<FiscalYear> fiscalYears = new ArrayList<>();
        years.forEach((name, totals) -> fiscalYears.add(new FiscalYear(name, totals[0], totals[1])));
        return new FundingLedger(currency, pledged, obligated, disbursed, reversed, available, fiscalYears, byDate,
                pledges);
    }

    private static Total[] year(Map<String, Total[]> years, LocalDate date, Total zero) {
        String name = date == null ? "unknown" : fiscalYear(date);
        return years.computeIfAbsent(name, n -> new Total[]{zero, zero});
    }
}
