package org.commitmenttracker.query.timeline;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactRetracted;
import org.commitmenttracker.events.funding.FundsDeobligated;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.commitment.CommitmentFulfilled;
import org.commitmenttracker.events.commitment.CommitmentRevised;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.events.dialogue.DialogueCancelled;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueRescheduled;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.funding.PledgeRevised;
import org.commitmenttracker.events.progress.AgreementSigned;
import org.commitmenttracker.events.progress.EvidenceAttached;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.commitmenttracker.events.progress.MilestoneAchieved;
import org.commitmenttracker.events.progress.MilestoneSet;
import org.commitmenttracker.events.progress.ProgressAssessed;
import org.commitmenttracker.events.progress.ProgressMeasured;
import org.commitmenttracker.events.value.Money;

/**
 * One readable sentence per event, as an officer would write it in a progress report. Events
 * that refer to a child by id (a dialogue held, a milestone achieved, a measurement) name it
 * through {@link Names}, learnt from the event that introduced it.
 */
final class TimelineSentences {

    /** What earlier events of the same commitment named; empty when unknown. */
    interface Names {
        String dialogue(String dialogueId);

        String milestone(String milestoneId);

        String indicator(String indicatorId);

        String indicatorUnit(String indicatorId);
    }

    private TimelineSentences() {
    }

    static String of(CommitmentEvent event, Names names) {
        if (event instanceof CommitmentAnnounced e) {
            return "Announced '" + e.title() + "'" + (e.source() == null ? "" : " (" + e.source().title() + ")")
                    + (e.dueBy() == null ? "" : ", due by " + e.dueBy());
        } else if (event instanceof CommitmentRevised e) {
            return revised(e);
        } else if (event instanceof DialogueScheduled e) {
            return "Dialogue '" + e.name() + "' scheduled for " + period(e.plannedFrom(), e.plannedTo())
                    + in(e.location());
        } else if (event instanceof DialogueRescheduled e) {
            return "Dialogue '" + named(names.dialogue(e.dialogueId()), e.dialogueId()) + "' rescheduled to "
                    + period(e.plannedFrom(), e.plannedTo()) + because(e.reason());
        } else if (event instanceof DialogueHeld e) {
            return "Dialogue '" + named(names.dialogue(e.dialogueId()), e.dialogueId()) + "' held on " + e.heldOn()
                    + in(e.location());
        } else if (event instanceof DialogueCancelled e) {
            return "Dialogue '" + named(names.dialogue(e.dialogueId()), e.dialogueId()) + "' cancelled"
                    + because(e.reason());
        } else if (event instanceof FundsPledged e) {
            return "Pledged " + money(e.amount()) + " from " + e.fundingSource() + " for "
                    + period(e.periodFrom(), e.periodTo()) + " (pledge " + e.pledgeId() + ")";
        } else if (event instanceof PledgeRevised e) {
            return "Pledge " + e.pledgeId() + " revised to " + money(e.newAmount()) + because(e.reason());
        } else if (event instanceof FundsObligated e) {
            return "Obligated " + money(e.amount()) + " to " + e.implementingPartner() + " (award " + e.obligationId()
                    + ")";
        } else if (event instanceof FundsDisbursed e) {
            return "Disbursed " + money(e.amount()) + " to " + e.recipient() + " (voucher " + e.disbursementId() + ")";
        } else if (event instanceof DisbursementReversed e) {
            return "Reversed disbursement " + e.disbursementId() + " of " + money(e.amount()) + because(e.reason());
        } else if (event instanceof MilestoneSet e) {
            return "Milestone '" + e.description() + "' set" + (e.dueBy() == null ? "" : ", due by " + e.dueBy());
        } else if (event instanceof MilestoneAchieved e) {
            return "Milestone '" + named(names.milestone(e.milestoneId()), e.milestoneId()) + "' achieved on "
                    + e.achievedOn() + because(e.note());
        } else if (event instanceof IndicatorDefined e) {
            return "Indicator '" + e.name() + "' defined: from " + figure(e.baseline(), e.unit()) + " to "
                    + figure(e.target(), e.unit()) + (e.targetDate() == null ? "" : " by " + e.targetDate());
        } else if (event instanceof ProgressMeasured e) {
            return named(names.indicator(e.indicatorId()), e.indicatorId()) + " measured at "
                    + figure(e.value(), names.indicatorUnit(e.indicatorId())) + " on " + e.measuredOn()
                    + (blank(e.source()) ? "" : " (" + e.source() + ")");
        } else if (event instanceof AgreementSigned e) {
            return "Agreement '" + e.title() + "' signed on " + e.signedOn()
                    + (e.signatories() == null || e.signatories().isEmpty() ? "" : " by " + String.join(", ", e.signatories()));
        } else if (event instanceof ProgressAssessed e) {
            return "Assessed as " + (e.rating() == null ? "unrated" : e.rating().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ')) + because(e.rationale());
        } else if (event instanceof EvidenceAttached e) {
            return "Evidence attached: '" + e.title() + "'" + (blank(e.url()) ? "" : " (" + e.url() + ")");
        } else if (event instanceof CommitmentFulfilled e) {
            return "Fulfilled on " + e.fulfilledOn() + because(e.summary());
        } else if (event instanceof CommitmentWithdrawn e) {
            return "Withdrawn on " + e.withdrawnOn() + because(e.reason());
        } else if (event instanceof FundsDeobligated e) {
            return "De-obligated " + money(e.amount()) + " of award " + e.obligationId() + because(e.reason());
        } else if (event instanceof FactCorrected || event instanceof FactRetracted) {
            return correction(event, null, names);
        }
        return "Recorded " + event.getClass().getSimpleName();
    }

    /**
     * A correction or retraction as a sentence: what the record said ({@code was}, the fact as
     * known just before) and what is known now, and why. "Dialogue 'HLED' held on 2021-09-08 in
     * Washington was corrected to: Dialogue 'HLED' held on 2021-09-09 in Washington: typo".
     */
    static String correction(CommitmentEvent event, CommitmentEvent was, Names names) {
        String before = was == null ? null : of(was, names);
        if (event instanceof FactCorrected e) {
            return (before == null ? "The " + e.factKind().json() + " " + e.factId() : "'" + before + "'")
                    + " was corrected to '" + of(e.content(), names) + "'" + because(e.reason());
        }
        if (event instanceof FactRetracted e) {
            return (before == null ? "The " + e.factKind().json() + " " + e.factId() : "'" + before + "'")
                    + " was retracted: it never happened" + because(e.reason());
        }
        return of(event, names);
    }

    private static String revised(CommitmentRevised e) {
        List<String> changes = new ArrayList<>();
        if (e.title() != null) {
            changes.add("the title to '" + e.title() + "'");
        }
        if (e.summary() != null) {
            changes.add("the summary");
        }
        if (e.dueBy() != null) {
            changes.add("the due date to " + e.dueBy());
        }
        if (e.leadAgencies() != null) {
            changes.add("the lead agencies to " + String.join(", ", e.leadAgencies()));
        }
        String what = changes.isEmpty() ? "the commitment"
                : changes.size() == 1 ? changes.get(0)
                : String.join(", ", changes.subList(0, changes.size() - 1)) + " and " + changes.get(changes.size() - 1);
        return "Revised " + what + because(e.reason());
    }

    /** "USD 10,000,000.00": the currency code and the exact value, grouped. */
    static String money(Money money) {
        if (money == null) {
            return "an unknown amount";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return money.currency() + " " + format.format(money.value());
    }

    private static String figure(BigDecimal value, String unit) {
        if (value == null) {
            return "?";
        }
        DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.US));
        return format.format(value) + (blank(unit) ? "" : " " + unit);
    }

    private static String period(LocalDate from, LocalDate to) {
        return Objects.equals(from, to) || to == null ? String.valueOf(from) : from + " to " + to;
    }

    private static String in(String location) {
        return blank(location) ? "" : " in " + location;
    }

    private static String because(String reason) {
        return blank(reason) ? "" : ": " + reason;
    }

    private static String named(String name, String id) {
        return blank(name) ? id : name;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
