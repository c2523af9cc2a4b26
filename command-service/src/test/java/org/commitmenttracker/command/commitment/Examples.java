package org.commitmenttracker.command.commitment;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.commitmenttracker.command.dialogue.CancelDialogue;
import org.commitmenttracker.command.dialogue.MarkDialogueHeld;
import org.commitmenttracker.command.dialogue.RescheduleDialogue;
import org.commitmenttracker.command.dialogue.ScheduleDialogue;
import org.commitmenttracker.command.funding.DisburseFunds;
import org.commitmenttracker.command.funding.ObligateFunds;
import org.commitmenttracker.command.funding.PledgeFunds;
import org.commitmenttracker.command.funding.ReverseDisbursement;
import org.commitmenttracker.command.funding.RevisePledge;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.command.progress.AssessProgress;
import org.commitmenttracker.command.progress.AttachEvidence;
import org.commitmenttracker.command.progress.DefineIndicator;
import org.commitmenttracker.command.progress.MarkMilestoneAchieved;
import org.commitmenttracker.command.progress.MeasureProgress;
import org.commitmenttracker.command.progress.SetMilestone;
import org.commitmenttracker.command.progress.SignAgreement;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.commitmenttracker.events.progress.MilestoneSet;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.events.value.Rating;
import org.commitmenttracker.events.value.Source;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The 2021 US–Mexico fact sheet as test data: the labor commitment (USD 130 million over three
 * years), the High-Level Economic Dialogue and the disappearances partnership.
 */
final class Examples {

    static final LocalDate VISIT = LocalDate.of(2021, 6, 8);
    /** The day the officer sends the command, a few months after the visit. */
    static final LocalDate TODAY = LocalDate.of(2021, 10, 1);
    static final MetaData OFFICER = MetaData.with(CommandContext.ACTOR, "officer");
    static final Source FACT_SHEET = new Source("Vice President Harris Visit", null, LocalDate.of(2021, 6, 15));

    static final String LABOR = "us-mx-2021-labor-cooperation";
    static final String PLEDGE = "labor-2021-130m";
    static final LocalDate PLEDGE_FROM = VISIT;
    static final LocalDate PLEDGE_TO = LocalDate.of(2024, 6, 7);
    static final String FUNDING_SOURCE = "US Department of Labor, ILAB";
    static final String ILO = "International Labour Organization";
    static final LocalDate OBLIGATED_ON = LocalDate.of(2021, 8, 2);
    static final LocalDate DISBURSED_ON = LocalDate.of(2021, 9, 1);

    static final String AWARD = "dol-ilab-2021-001";
    static final String VOUCHER = "voucher-2021-0001";
    static final String WORKING_GROUP = "labor-working-group-1";
    static final String MILESTONE = "labor-reform-training";
    static final String INDICATOR = "workers-trained";

    static final String HLED = "us-mx-2021-hled";
    static final String HLED_DIALOGUE = "hled-2021";
    static final LocalDate HLED_FROM = LocalDate.of(2021, 9, 1);
    static final LocalDate HLED_TO = LocalDate.of(2021, 9, 30);
    static final LocalDate HLED_HELD_ON = LocalDate.of(2021, 9, 9);

    static final String DISAPPEARANCES = "us-mx-2021-disappearances";

    private Examples() {
    }

    static Money usd(String value) {
        return Money.of(value, "USD");
    }

    static Money mxn(String value) {
        return Money.of(value, "MXN");
    }

    /** A command as a client sends it: with the authenticated officer in its metadata. */
    static CommandMessage<?> byOfficer(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(OFFICER);
    }

    /** A refusal of the given kind, which the web layer turns into 400, 404, 409 or 412. */
    static Matcher<CommitmentRefused> refused(CommitmentRefused.Reason reason) {
        return new TypeSafeMatcher<>(CommitmentRefused.class) {
            @Override
            protected boolean matchesSafely(CommitmentRefused refusal) {
                return refusal.reason() == reason;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a commitment refused as " + reason);
            }

            @Override
            protected void describeMismatchSafely(CommitmentRefused refusal, Description mismatch) {
                mismatch.appendText("was refused as " + refusal.reason() + ": " + refusal.getMessage());
            }
        };
    }

    // --- the labor commitment ---

    static CommitmentAnnounced laborAnnounced() {
        return new CommitmentAnnounced(LABOR, "Labor cooperation",
                "Invest an additional $130 million over three years in labor cooperation.", Category.LABOR,
                List.of("US", "MX"), List.of("Department of Labor"), VISIT, FACT_SHEET, null);
    }

    static AnnounceCommitment announceLabor() {
        CommitmentAnnounced e = laborAnnounced();
        return new AnnounceCommitment(LABOR, e.title(), e.summary(), e.category(), e.parties(), e.leadAgencies(),
                e.announcedOn(), e.source(), e.dueBy(), TODAY);
    }

    static FundsPledged laborPledged() {
        return pledged(PLEDGE, usd("130000000.00"));
    }

    static FundsPledged pledged(String pledgeId, Money amount) {
        return new FundsPledged(LABOR, pledgeId, amount, PLEDGE_FROM, PLEDGE_TO, FUNDING_SOURCE, VISIT, null);
    }

    static PledgeFunds pledgeLabor() {
        return pledge(PLEDGE, usd("130000000.00"));
    }

    static PledgeFunds pledge(String pledgeId, Money amount) {
        return new PledgeFunds(LABOR, pledgeId, amount, PLEDGE_FROM, PLEDGE_TO, FUNDING_SOURCE, VISIT, null, TODAY);
    }

    static FundsObligated obligated(String obligationId, Money amount) {
        return new FundsObligated(LABOR, obligationId, amount, OBLIGATED_ON, ILO, null);
    }

    static ObligateFunds obligate(String obligationId, Money amount) {
        return new ObligateFunds(LABOR, obligationId, amount, OBLIGATED_ON, ILO, null, TODAY);
    }

    static FundsDisbursed disbursed(String disbursementId, Money amount) {
        return new FundsDisbursed(LABOR, disbursementId, amount, DISBURSED_ON, ILO, null, null, null);
    }

    static DisburseFunds disburse(String disbursementId, Money amount) {
        return new DisburseFunds(LABOR, disbursementId, amount, DISBURSED_ON, ILO, null, null, null, TODAY);
    }

    static DisbursementReversed reversed(String disbursementId, Money amount) {
        return new DisbursementReversed(LABOR, disbursementId, amount, "Paid twice", DISBURSED_ON.plusDays(14), null, null);
    }

    static ReverseDisbursement reverse(String disbursementId) {
        return new ReverseDisbursement(LABOR, disbursementId, "Paid twice", DISBURSED_ON.plusDays(14), null, TODAY);
    }

    /**
     * The labor commitment a few months in (version 7): the pledge, an award of USD 5 million
     * with USD 1 million paid out, a working group scheduled, a milestone and an indicator.
     */
    static List<Object> laborHistory() {
        return List.of(
                laborAnnounced(),
                laborPledged(),
                obligated(AWARD, usd("5000000.00")),
                new FundsDisbursed(LABOR, VOUCHER, usd("1000000.00"), DISBURSED_ON, ILO, AWARD, null, null),
                new DialogueScheduled(LABOR, WORKING_GROUP, "Labor Working Group, first meeting",
                        LocalDate.of(2021, 11, 1), LocalDate.of(2021, 11, 2), null, VISIT),
                new MilestoneSet(LABOR, MILESTONE, "Train labor inspectors on the 2019 labor reform",
                        LocalDate.of(2022, 6, 30), VISIT),
                new IndicatorDefined(LABOR, INDICATOR, "Workers trained on their labor rights", "workers",
                        BigDecimal.ZERO, new BigDecimal("10000"), PLEDGE_TO, VISIT));
    }

    static final long LABOR_HISTORY_VERSION = 7;

    /**
     * Every command but the announcement, each valid against {@link #laborHistory()} and each
     * stating a fact that happened on the given day.
     */
    static Map<String, Function<LocalDate, Object>> laborFacts() {
        Map<String, Function<LocalDate, Object>> facts = new LinkedHashMap<>();
        facts.put("ReviseCommitment", on -> new ReviseCommitment(LABOR, null, null, PLEDGE_TO, null,
                "The pledge runs until 2024-06-07.", on, TODAY));
        facts.put("FulfilCommitment", on -> new FulfilCommitment(LABOR, on, "All funds disbursed.", TODAY));
        facts.put("WithdrawCommitment", on -> new WithdrawCommitment(LABOR, on, "Programme ended.", TODAY));
        facts.put("ScheduleDialogue", on -> new ScheduleDialogue(LABOR, "labor-working-group-2",
                "Labor Working Group, second meeting", LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 2), null,
                on, TODAY));
        facts.put("RescheduleDialogue", on -> new RescheduleDialogue(LABOR, WORKING_GROUP,
                LocalDate.of(2021, 12, 1), LocalDate.of(2021, 12, 2), "Postponed.", on, TODAY));
        facts.put("MarkDialogueHeld", on -> new MarkDialogueHeld(LABOR, WORKING_GROUP, on, "Mexico City",
                List.of("A joint work plan"), null, TODAY));
        facts.put("CancelDialogue", on -> new CancelDialogue(LABOR, WORKING_GROUP, "Replaced by the HLED.", on,
                TODAY));
        facts.put("PledgeFunds", on -> new PledgeFunds(LABOR, "labor-2022-top-up", usd("10000000.00"),
                LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), FUNDING_SOURCE, on, null, TODAY));
        facts.put("RevisePledge", on -> new RevisePledge(LABOR, PLEDGE, usd("120000000.00"), "Appropriation cut.",
                on, null, TODAY));
        facts.put("ObligateFunds", on -> new ObligateFunds(LABOR, "dol-ilab-2021-002", usd("2000000.00"), on,
                "Solidarity Center", null, TODAY));
        facts.put("DisburseFunds", on -> new DisburseFunds(LABOR, "voucher-2021-0002", usd("500000.00"), on, ILO,
                AWARD, null, null, TODAY));
        facts.put("ReverseDisbursement", on -> new ReverseDisbursement(LABOR, VOUCHER, "Paid twice.", on, null, TODAY));
        facts.put("SetMilestone", on -> new SetMilestone(LABOR, "labor-courts-opened",
                "Open the new labor courts", LocalDate.of(2023, 6, 30), on, TODAY));
        facts.put("MarkMilestoneAchieved", on -> new MarkMilestoneAchieved(LABOR, MILESTONE, on, null, TODAY));
        facts.put("DefineIndicator", on -> new DefineIndicator(LABOR, "union-votes-observed",
                "Union votes observed", "votes", BigDecimal.ZERO, new BigDecimal("500"), null, on, TODAY));
        facts.put("MeasureProgress", on -> new MeasureProgress(LABOR, INDICATOR, "workers-trained-2021-q3",
                new BigDecimal("1200"), on, "ILAB quarterly report", TODAY));
        facts.put("SignAgreement", on -> new SignAgreement(LABOR, "labor-mou-2021",
                "Memorandum of understanding on labor cooperation", on, List.of("US", "MX"), TODAY));
        facts.put("AssessProgress", on -> new AssessProgress(LABOR, "assessment-1", Rating.IN_PROGRESS, "Funds are flowing.", on,
                TODAY));
        facts.put("AttachEvidence", on -> new AttachEvidence(LABOR, "ilab-press-release",
                "ILAB announces labor cooperation awards", "https://www.dol.gov/newsroom", null, on, TODAY));
        return facts;
    }

    // --- the High-Level Economic Dialogue ---

    static CommitmentAnnounced hledAnnounced() {
        return new CommitmentAnnounced(HLED, "High-Level Economic Dialogue",
                "Hold the High-Level Economic Dialogue in September 2021.", Category.ECONOMIC_DIALOGUE,
                List.of("US", "MX"), List.of("Department of State"), VISIT, FACT_SHEET, HLED_TO);
    }

    static DialogueScheduled hledScheduled() {
        return new DialogueScheduled(HLED, HLED_DIALOGUE, "High-Level Economic Dialogue 2021", HLED_FROM, HLED_TO,
                null, VISIT);
    }

    static ScheduleDialogue scheduleHled(LocalDate plannedFrom, LocalDate plannedTo) {
        return new ScheduleDialogue(HLED, HLED_DIALOGUE, "High-Level Economic Dialogue 2021", plannedFrom,
                plannedTo, null, VISIT, TODAY);
    }

    static DialogueHeld hledHeld() {
        return new DialogueHeld(HLED, HLED_DIALOGUE, HLED_HELD_ON, "Washington, D.C.",
                List.of("Four pillars of cooperation agreed"), null);
    }

    static MarkDialogueHeld holdHled() {
        DialogueHeld e = hledHeld();
        return new MarkDialogueHeld(HLED, HLED_DIALOGUE, e.heldOn(), e.location(), e.outcomes(), e.communiqueUrl(),
                TODAY);
    }

    // --- the disappearances partnership ---

    static CommitmentAnnounced disappearancesAnnounced() {
        return new CommitmentAnnounced(DISAPPEARANCES, "Disappearances partnership",
                "Help solve the more than 82,000 disappearance cases.", Category.HUMAN_RIGHTS, List.of("US", "MX"),
                List.of("USAID"), VISIT, FACT_SHEET, null);
    }
}
