package org.commitmenttracker.query.commitment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.commitmenttracker.events.CommitmentEvent;
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
import org.commitmenttracker.events.value.Rating;
import org.commitmenttracker.query.commitment.CommitmentDetail.Agreement;
import org.commitmenttracker.query.commitment.CommitmentDetail.Dialogue;
import org.commitmenttracker.query.commitment.CommitmentDetail.DialogueStatus;
import org.commitmenttracker.query.commitment.CommitmentDetail.Evidence;
import org.commitmenttracker.query.commitment.CommitmentDetail.Funding;
import org.commitmenttracker.query.commitment.CommitmentDetail.Indicator;
import org.commitmenttracker.query.commitment.CommitmentDetail.Measurement;
import org.commitmenttracker.query.commitment.CommitmentDetail.Milestone;
import org.commitmenttracker.query.commitment.CommitmentDetail.MilestoneStatus;
import org.commitmenttracker.query.commitment.CommitmentDetail.Pledge;
import org.commitmenttracker.query.commitment.CommitmentDetail.Status;

/**
 * Folds a commitment's events, in stream order, into its {@link CommitmentDetail}. A pure
 * function: the same events give the same detail, which is what lets the state "as of" any
 * day or "as known at" any instant be rebuilt from the history.
 *
 * <p>The command side has validated every event, so whatever cannot apply here (an unknown
 * child id, a repeated one, another currency) is a stored fact this view has no place for: it
 * is skipped rather than allowed to break the view of the whole commitment.
 */
public final class CommitmentFold {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CommitmentFold() {
    }

    /**
     * @param state   the detail after the previous events; null before the announcement
     * @param event   the next event of the stream
     * @param version the number of events applied, this one included
     * @return the detail after {@code event}; null while there is no announcement
     */
    public static CommitmentDetail evolve(CommitmentDetail state, CommitmentEvent event, long version) {
        if (event == null) {
            return state;
        }
        if (state == null) {
            return event instanceof CommitmentAnnounced announced ? announced(announced, version) : null;
        }
        if (!Objects.equals(state.id(), event.commitmentId())) {
            return state;
        }
        Draft next = new Draft(state);
        next.version = version;
        if (event instanceof CommitmentAnnounced) {
            return next.toDetail(); // a commitment is announced once; a repeat changes nothing else
        }
        next.lastActivityOn = later(state.lastActivityOn(), event.occurredOn());
        if (next.status == Status.ANNOUNCED) {
            next.status = Status.IN_PROGRESS;
        }
        apply(next, event);
        return next.toDetail();
    }

    private static void apply(Draft d, CommitmentEvent event) {
        if (event instanceof CommitmentRevised e) {
            revised(d, e);
        } else if (event instanceof DialogueScheduled e) {
            dialogueScheduled(d, e);
        } else if (event instanceof DialogueRescheduled e) {
            dialogueRescheduled(d, e);
        } else if (event instanceof DialogueHeld e) {
            dialogueHeld(d, e);
        } else if (event instanceof DialogueCancelled e) {
            dialogueCancelled(d, e);
        } else if (event instanceof FundsPledged e) {
            fundsPledged(d, e);
        } else if (event instanceof PledgeRevised e) {
            pledgeRevised(d, e);
        } else if (event instanceof FundsObligated e) {
            fundsObligated(d, e);
        } else if (event instanceof FundsDisbursed e) {
            fundsDisbursed(d, e);
        } else if (event instanceof DisbursementReversed e) {
            disbursementReversed(d, e);
        } else if (event instanceof MilestoneSet e) {
            milestoneSet(d, e);
        } else if (event instanceof MilestoneAchieved e) {
            milestoneAchieved(d, e);
        } else if (event instanceof IndicatorDefined e) {
            indicatorDefined(d, e);
        } else if (event instanceof ProgressMeasured e) {
            progressMeasured(d, e);
        } else if (event instanceof AgreementSigned e) {
            agreementSigned(d, e);
        } else if (event instanceof ProgressAssessed e) {
            progressAssessed(d, e);
        } else if (event instanceof EvidenceAttached e) {
            evidenceAttached(d, e);
        } else if (event instanceof CommitmentFulfilled) {
            close(d, Status.FULFILLED);
        } else if (event instanceof CommitmentWithdrawn) {
            close(d, Status.WITHDRAWN);
        }
    }

    // --- the commitment itself

    private static CommitmentDetail announced(CommitmentAnnounced e, long version) {
        return new CommitmentDetail(e.commitmentId(), e.title(), e.summary(), e.category(), e.parties(),
                e.leadAgencies(), e.announcedOn(), e.dueBy(), Status.ANNOUNCED, false, null, version,
                e.announcedOn(), e.source(), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static void revised(Draft d, CommitmentRevised e) {
        d.title = orElse(e.title(), d.title);
        d.summary = orElse(e.summary(), d.summary);
        d.dueBy = orElse(e.dueBy(), d.dueBy);
        d.leadAgencies = orElse(e.leadAgencies(), d.leadAgencies);
    }

    private static void close(Draft d, Status closed) {
        if (!isClosed(d.status)) {
            d.status = closed;
        }
    }

    private static boolean isClosed(Status status) {
        return status == Status.FULFILLED || status == Status.WITHDRAWN;
    }

    // --- dialogues

    private static void dialogueScheduled(Draft d, DialogueScheduled e) {
        if (!contains(d.dialogues, dialogue(e.dialogueId()))) {
            d.dialogues = append(d.dialogues, new Dialogue(e.dialogueId(), e.name(), DialogueStatus.SCHEDULED,
                    e.plannedFrom(), e.plannedTo(), null, e.location(), List.of(), null));
        }
    }

    private static void dialogueRescheduled(Draft d, DialogueRescheduled e) {
        d.dialogues = replace(d.dialogues, scheduledDialogue(e.dialogueId()), x -> new Dialogue(x.dialogueId(),
                x.name(), x.status(), orElse(e.plannedFrom(), x.plannedFrom()), orElse(e.plannedTo(), x.plannedTo()),
                x.heldOn(), x.location(), x.outcomes(), x.communiqueUrl()));
    }

    private static void dialogueHeld(Draft d, DialogueHeld e) {
        d.dialogues = replace(d.dialogues, scheduledDialogue(e.dialogueId()), x -> new Dialogue(x.dialogueId(),
                x.name(), DialogueStatus.HELD, x.plannedFrom(), x.plannedTo(), e.heldOn(),
                orElse(e.location(), x.location()), e.outcomes(), e.communiqueUrl()));
    }

    private static void dialogueCancelled(Draft d, DialogueCancelled e) {
        d.dialogues = replace(d.dialogues, scheduledDialogue(e.dialogueId()), x -> new Dialogue(x.dialogueId(),
                x.name(), DialogueStatus.CANCELLED, x.plannedFrom(), x.plannedTo(), x.heldOn(), x.location(),
                x.outcomes(), x.communiqueUrl()));
    }

    private static Predicate<Dialogue> dialogue(String dialogueId) {
        return x -> Objects.equals(x.dialogueId(), dialogueId);
    }

    /** Only a scheduled dialogue is rescheduled, held or cancelled. */
    private static Predicate<Dialogue> scheduledDialogue(String dialogueId) {
        return dialogue(dialogueId).and(x -> x.status() == DialogueStatus.SCHEDULED);
    }

    // --- funding: all in the currency of the first pledge

    private static void fundsPledged(Draft d, FundsPledged e) {
        Money amount = e.amount();
        if (amount == null || contains(d.pledges, pledge(e.pledgeId()))) {
            return;
        }
        if (d.funding == null) {
            Money zero = Money.zero(amount.currency());
            d.funding = funding(amount, zero, zero, zero);
        } else if (inCurrency(d.funding, amount)) {
            Funding f = d.funding;
            d.funding = funding(f.pledged().plus(amount), f.obligated(), f.disbursed(), f.reversed());
        } else {
            return;
        }
        d.pledges = append(d.pledges,
                new Pledge(e.pledgeId(), amount, e.periodFrom(), e.periodTo(), e.fundingSource()));
    }

    private static void pledgeRevised(Draft d, PledgeRevised e) {
        Pledge revised = find(d.pledges, pledge(e.pledgeId()));
        if (revised == null || !inCurrency(d.funding, e.newAmount()) || !inCurrency(d.funding, revised.amount())) {
            return;
        }
        Funding f = d.funding;
        d.funding = funding(f.pledged().minus(revised.amount()).plus(e.newAmount()), f.obligated(), f.disbursed(),
                f.reversed());
        d.pledges = replace(d.pledges, pledge(e.pledgeId()), x -> new Pledge(x.pledgeId(), e.newAmount(),
                x.periodFrom(), x.periodTo(), x.fundingSource()));
    }

    private static void fundsObligated(Draft d, FundsObligated e) {
        if (inCurrency(d.funding, e.amount())) {
            Funding f = d.funding;
            d.funding = funding(f.pledged(), f.obligated().plus(e.amount()), f.disbursed(), f.reversed());
        }
    }

    private static void fundsDisbursed(Draft d, FundsDisbursed e) {
        if (inCurrency(d.funding, e.amount())) {
            Funding f = d.funding;
            d.funding = funding(f.pledged(), f.obligated(), f.disbursed().plus(e.amount()), f.reversed());
        }
    }

    private static void disbursementReversed(Draft d, DisbursementReversed e) {
        if (inCurrency(d.funding, e.amount())) {
            Funding f = d.funding;
            d.funding = funding(f.pledged(), f.obligated(), f.disbursed().minus(e.amount()),
                    f.reversed().plus(e.amount()));
        }
    }

    private static Funding funding(Money pledged, Money obligated, Money disbursed, Money reversed) {
        BigDecimal percent = pledged.value().signum() == 0
                ? BigDecimal.ZERO.setScale(1)
                : disbursed.value().multiply(HUNDRED).divide(pledged.value(), 1, RoundingMode.HALF_UP);
        return new Funding(pledged.currency(), pledged, obligated, disbursed, reversed, percent);
    }

    private static boolean inCurrency(Funding funding, Money amount) {
        return funding != null && amount != null && funding.currency().equals(amount.currency());
    }

    private static Predicate<Pledge> pledge(String pledgeId) {
        return x -> Objects.equals(x.pledgeId(), pledgeId);
    }

    // --- milestones

    private static void milestoneSet(Draft d, MilestoneSet e) {
        if (!contains(d.milestones, milestone(e.milestoneId()))) {
            d.milestones = append(d.milestones,
                    new Milestone(e.milestoneId(), e.description(), e.dueBy(), MilestoneStatus.OPEN, null));
        }
    }

    private static void milestoneAchieved(Draft d, MilestoneAchieved e) {
        Predicate<Milestone> open = milestone(e.milestoneId()).and(x -> x.status() == MilestoneStatus.OPEN);
        d.milestones = replace(d.milestones, open, x -> new Milestone(x.milestoneId(), x.description(), x.dueBy(),
                MilestoneStatus.ACHIEVED, e.achievedOn()));
    }

    private static Predicate<Milestone> milestone(String milestoneId) {
        return x -> Objects.equals(x.milestoneId(), milestoneId);
    }

    // --- indicators

    private static void indicatorDefined(Draft d, IndicatorDefined e) {
        if (!contains(d.indicators, indicator(e.indicatorId()))) {
            d.indicators = append(d.indicators, new Indicator(e.indicatorId(), e.name(), e.unit(), e.baseline(),
                    e.target(), e.targetDate(), null, null));
        }
    }

    /** A measurement taken before the latest one (logged late) is history, not the latest figure. */
    private static void progressMeasured(Draft d, ProgressMeasured e) {
        if (e.value() == null || e.measuredOn() == null) {
            return;
        }
        Predicate<Indicator> notNewer = indicator(e.indicatorId())
                .and(x -> x.latest() == null || !e.measuredOn().isBefore(x.latest().measuredOn()));
        d.indicators = replace(d.indicators, notNewer, x -> new Indicator(x.indicatorId(), x.name(), x.unit(),
                x.baseline(), x.target(), x.targetDate(), new Measurement(e.value(), e.measuredOn()),
                progressPercent(x.baseline(), x.target(), e.value())));
    }

    private static BigDecimal progressPercent(BigDecimal baseline, BigDecimal target, BigDecimal latest) {
        if (baseline == null || target == null || latest == null || target.compareTo(baseline) == 0) {
            return null;
        }
        return latest.subtract(baseline).multiply(HUNDRED)
                .divide(target.subtract(baseline), 1, RoundingMode.HALF_UP);
    }

    private static Predicate<Indicator> indicator(String indicatorId) {
        return x -> Objects.equals(x.indicatorId(), indicatorId);
    }

    // --- agreements, assessments, evidence

    private static void agreementSigned(Draft d, AgreementSigned e) {
        if (!contains(d.agreements, x -> Objects.equals(x.agreementId(), e.agreementId()))) {
            d.agreements = append(d.agreements,
                    new Agreement(e.agreementId(), e.title(), e.signedOn(), e.signatories()));
        }
    }

    private static void progressAssessed(Draft d, ProgressAssessed e) {
        d.rating = orElse(e.rating(), d.rating);
    }

    private static void evidenceAttached(Draft d, EvidenceAttached e) {
        if (!contains(d.evidence, x -> Objects.equals(x.evidenceId(), e.evidenceId()))) {
            d.evidence = append(d.evidence,
                    new Evidence(e.evidenceId(), e.title(), e.url(), e.sha256(), e.capturedOn()));
        }
    }

    // --- helpers

    private static LocalDate later(LocalDate current, LocalDate candidate) {
        if (current == null) {
            return candidate;
        }
        return candidate != null && candidate.isAfter(current) ? candidate : current;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static <T> boolean contains(List<T> items, Predicate<T> which) {
        return items.stream().anyMatch(which);
    }

    private static <T> T find(List<T> items, Predicate<T> which) {
        return items.stream().filter(which).findFirst().orElse(null);
    }

    private static <T> List<T> append(List<T> items, T item) {
        List<T> result = new ArrayList<>(items);
        result.add(item);
        return result;
    }

    private static <T> List<T> replace(List<T> items, Predicate<T> which, UnaryOperator<T> change) {
        List<T> result = new ArrayList<>(items.size());
        for (T item : items) {
            result.add(which.test(item) ? change.apply(item) : item);
        }
        return result;
    }

    /**
     * The detail being built from one event. Private and short-lived: the lists it holds are
     * replaced, never changed in place, and {@link #toDetail()} hands out an immutable record.
     */
    private static final class Draft {
        private final CommitmentDetail base;
        String title;
        String summary;
        List<String> leadAgencies;
        LocalDate dueBy;
        Status status;
        Rating rating;
        long version;
        LocalDate lastActivityOn;
        Funding funding;
        List<Pledge> pledges;
        List<Dialogue> dialogues;
        List<Milestone> milestones;
        List<Indicator> indicators;
        List<Agreement> agreements;
        List<Evidence> evidence;

        Draft(CommitmentDetail base) {
            this.base = base;
            title = base.title();
            summary = base.summary();
            leadAgencies = base.leadAgencies();
            dueBy = base.dueBy();
            status = base.status();
            rating = base.rating();
            version = base.version();
            lastActivityOn = base.lastActivityOn();
            funding = base.funding();
            pledges = base.pledges();
            dialogues = base.dialogues();
            milestones = base.milestones();
            indicators = base.indicators();
            agreements = base.agreements();
            evidence = base.evidence();
        }

        /** {@code overdue} is left false: it depends on the day of reading, see {@link CommitmentDetail#withOverdue}. */
        CommitmentDetail toDetail() {
            return new CommitmentDetail(base.id(), title, summary, base.category(), base.parties(), leadAgencies,
                    base.announcedOn(), dueBy, status, false, rating, version, lastActivityOn, base.source(), funding,
                    pledges, dialogues, milestones, indicators, agreements, evidence);
        }
    }
}
