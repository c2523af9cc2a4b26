package org.commitmenttracker.query.publication;

import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentDetail.DialogueStatus;
import org.commitmenttracker.query.commitment.CommitmentDetail.MilestoneStatus;
import org.commitmenttracker.query.commitment.CommitmentDetail.Status;
import org.commitmenttracker.query.funding.FundingLedger;
import org.commitmenttracker.query.funding.Total;
import org.commitmenttracker.query.funding.FundingLedger.Entry;
import org.commitmenttracker.query.funding.FundingLedger.Kind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The figures the progress page draws, derived from the detail and the ledger as they are read. */
public final class ProgressFigures {

    private ProgressFigures() {
    }

    /** What a commitment's meter measures. */
    public enum Basis { FULFILLED, FUNDING, INDICATORS, MILESTONES, DIALOGUES, NONE }

    /** How far a commitment has come, 0 to 100, and by what measure. */
    public record Progress(int percent, Basis basis) {
    }

    /** Pledged, obligated and disbursed (net of reversals) in one US fiscal year. */
    public record FiscalYearFunding(String fiscalYear, BigDecimal pledged, BigDecimal obligated, BigDecimal disbursed) {
        public BigDecimal largest() {
            return pledged.max(obligated).max(disbursed);
        }
    }

    /**
     * The first measure that applies: fulfilled is 100; else the share of the pledges disbursed;
     * else the mean progress of the measured indicators; else the share of milestones achieved;
     * else the share of dialogues held.
     */
    public static Progress progress(CommitmentDetail detail) {
        if (detail.status() == Status.FULFILLED) {
            return new Progress(100, Basis.FULFILLED);
        }
        if (detail.funding() != null && detail.funding().disbursedPercent() != null
                && detail.funding().pledged() != null && detail.funding().pledged().isPositive()) {
            return new Progress(clamp(detail.funding().disbursedPercent()), Basis.FUNDING);
        }
        List<BigDecimal> measured = detail.indicators().stream().map(CommitmentDetail.Indicator::progressPercent)
                .filter(Objects::nonNull).toList();
        if (!measured.isEmpty()) {
            BigDecimal sum = measured.stream().map(p -> BigDecimal.valueOf(clamp(p))).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Progress(clamp(sum.divide(BigDecimal.valueOf(measured.size()), 0, RoundingMode.HALF_UP)),
                    Basis.INDICATORS);
        }
        if (!detail.milestones().isEmpty()) {
            long achieved = detail.milestones().stream().filter(m -> m.status() == MilestoneStatus.ACHIEVED).count();
            return new Progress(share(achieved, detail.milestones().size()), Basis.MILESTONES);
        }
        List<CommitmentDetail.Dialogue> dialogues = detail.dialogues().stream()
                .filter(d -> d.status() != DialogueStatus.CANCELLED).toList();
        if (!dialogues.isEmpty()) {
            long held = dialogues.stream().filter(d -> d.status() == DialogueStatus.HELD).count();
            return new Progress(share(held, dialogues.size()), Basis.DIALOGUES);
        }
        return new Progress(0, Basis.NONE);
    }

    /**
     * Funding by US fiscal year: a pledge in the year it was made (at its current amount), an
     * obligation in the year it was obligated, disbursements net of the reversals dated in that year.
     */
    public static List<FiscalYearFunding> byFiscalYear(CommitmentDetail detail, FundingLedger ledger) {
        if (ledger.currency() == null) {
            return List.of();
        }
        Map<String, BigDecimal[]> years = new TreeMap<>();
        Map<String, String> pledgeYears = new HashMap<>();
        for (Entry entry : ledger.entries()) {
            if (entry.date() == null || entry.amount() == null || !ledger.currency().equals(entry.amount().currency())) {
                continue;
            }
            String year = FundingLedger.fiscalYear(entry.date());
            if (entry.kind() == Kind.PLEDGE) {
                pledgeYears.putIfAbsent(entry.id(), year);
            } else if (entry.kind() == Kind.OBLIGATION) {
                year(years, year)[1] = year(years, year)[1].add(entry.amount().value());
            }
        }
        for (CommitmentDetail.Pledge pledge : detail.pledges()) {
            String year = pledgeYears.get(pledge.pledgeId());
            if (year != null && pledge.amount() != null && ledger.currency().equals(pledge.amount().currency())) {
                year(years, year)[0] = year(years, year)[0].add(pledge.amount().value());
            }
        }
        for (FundingLedger.FiscalYear fiscalYear : ledger.byFiscalYear()) {
            year(years, fiscalYear.fiscalYear())[2] = value(fiscalYear.disbursed());
        }
        return years.entrySet().stream()
                .map(e -> new FiscalYearFunding(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    private static BigDecimal[] year(Map<String, BigDecimal[]> years, String year) {
        return years.computeIfAbsent(year, y -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
    }

    private static BigDecimal value(Money money) {
        return money == null ? BigDecimal.ZERO : money.value();
    }

    private static BigDecimal value(Total total) {
        return total == null ? BigDecimal.ZERO : total.value();
    }

    private static int share(long part, long whole) {
        return whole == 0 ? 0 : (int) (part * 100 / whole);
    }

    private static int clamp(BigDecimal percent) {
        return Math.max(0, Math.min(100, percent.setScale(0, RoundingMode.HALF_UP).intValue()));
    }
}
