package org.commitmenttracker.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.progress.ProgressAssessed;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.events.value.Rating;
import org.commitmenttracker.events.value.Source;

/** Plain events of the 2021 fact sheet, for projection tests; each test passes its own commitment id. */
public final class Facts {

    public static final LocalDate VISIT = LocalDate.of(2021, 6, 8);
    public static final Source FACT_SHEET = new Source("Vice President Harris Visit", null, LocalDate.of(2021, 6, 15));

    private Facts() {
    }

    public static CommitmentAnnounced laborAnnounced(String id) {
        return new CommitmentAnnounced(id, "Strengthen Labor Cooperation",
                "The U.S. will invest an additional $130 million over the next three years.", Category.LABOR,
                List.of("US", "MX"), List.of("Department of Labor"), VISIT, FACT_SHEET, LocalDate.of(2024, 6, 7));
    }

    public static CommitmentAnnounced hledAnnounced(String id) {
        return new CommitmentAnnounced(id, "High-Level Economic Dialogue (HLED)",
                "Both nations agreed to hold a HLED in September.", Category.ECONOMIC_DIALOGUE, List.of("US", "MX"),
                List.of("Department of State", "Department of Commerce"), VISIT, FACT_SHEET, LocalDate.of(2021, 9, 30));
    }

    public static DialogueScheduled hledScheduled(String id) {
        return new DialogueScheduled(id, "hled-2021", "HLED 2021", LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30),
                null, VISIT);
    }

    public static DialogueHeld hledHeld(String id) {
        return new DialogueHeld(id, "hled-2021", LocalDate.of(2021, 9, 9), "Washington",
                List.of("Agenda on supply chains agreed"), null);
    }

    public static FundsPledged pledged(String id, String amount) {
        return new FundsPledged(id, "dol-technical-assistance", usd(amount), VISIT, LocalDate.of(2024, 6, 7),
                "Department of Labor", VISIT, null);
    }

    public static FundsObligated obligated(String id, String awardId, String amount, LocalDate on) {
        return new FundsObligated(id, awardId, usd(amount), on, "ILO", null);
    }

    public static FundsDisbursed disbursed(String id, String voucher, String amount, LocalDate on) {
        return new FundsDisbursed(id, voucher, usd(amount), on, "ILO", "ilab-2021-01", null, null);
    }

    public static DisbursementReversed reversed(String id, String voucher, String amount, LocalDate on) {
        return new DisbursementReversed(id, voucher, usd(amount), "Paid twice", on, null, null);
    }

    public static ProgressAssessed assessed(String id, Rating rating, LocalDate on) {
        return new ProgressAssessed(id, "assessment-1", rating, "As reported", on);
    }

    /** A total in US dollars, as the read models sum them. */
    public static org.commitmenttracker.query.funding.Total totalUsd(String amount) {
        return new org.commitmenttracker.query.funding.Total(new java.math.BigDecimal(amount), "USD");
    }

    public static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }
}
