package org.commitmenttracker.command.commitment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.commitmenttracker.command.dialogue.CancelDialogue;
import org.commitmenttracker.command.dialogue.MarkDialogueHeld;
import org.commitmenttracker.command.dialogue.RescheduleDialogue;
import org.commitmenttracker.command.dialogue.ScheduleDialogue;
import org.commitmenttracker.command.funding.DisburseFunds;
import org.commitmenttracker.command.funding.ObligateFunds;
import org.commitmenttracker.command.funding.PledgeFunds;
import org.commitmenttracker.command.funding.ReverseDisbursement;
import org.commitmenttracker.command.funding.RevisePledge;
import org.commitmenttracker.command.messaging.ChainedIdentity;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.command.messaging.CommitmentCommand;
import org.commitmenttracker.command.progress.AssessProgress;
import org.commitmenttracker.command.progress.AttachEvidence;
import org.commitmenttracker.command.progress.DefineIndicator;
import org.commitmenttracker.command.progress.MarkMilestoneAchieved;
import org.commitmenttracker.command.progress.MeasureProgress;
import org.commitmenttracker.command.progress.SetMilestone;
import org.commitmenttracker.command.progress.SignAgreement;
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
import org.commitmenttracker.events.integrity.IntegrityChain;
import org.commitmenttracker.events.progress.AgreementSigned;
import org.commitmenttracker.events.progress.EvidenceAttached;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.commitmenttracker.events.progress.MilestoneAchieved;
import org.commitmenttracker.events.progress.MilestoneSet;
import org.commitmenttracker.events.progress.ProgressAssessed;
import org.commitmenttracker.events.progress.ProgressMeasured;
import org.commitmenttracker.events.value.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.commitmenttracker.command.commitment.CommitmentRefused.conflict;
import static org.commitmenttracker.command.commitment.CommitmentRefused.invalid;
import static org.commitmenttracker.command.commitment.CommitmentRefused.unknown;

/**
 * One public promise and everything that happened to it. The command handlers decide (each
 * rule one {@code if} and one refusal); {@link #evolve} only assigns. Every handler answers
 * the commitment's version, the number of events in its stream. A child id sent again with
 * the same content is a harmless repeat: the same answer and no new event.
 */
@Aggregate(snapshotTriggerDefinition = "commitmentSnapshotTrigger", cache = "commitmentCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Commitment {

    /** Facts may be logged a day ahead of UTC, for the time zones west of it. */
    private static final int DAYS_OF_SLACK = 1;

    @AggregateIdentifier
    private String commitmentId;
    private LocalDate announcedOn;
    private boolean closed;
    private String lastHash = IntegrityChain.GENESIS;

    /** The currency of the first pledge: all money of the commitment is in it. */
    private String currency;
    private BigDecimal pledged = BigDecimal.ZERO;
    private BigDecimal obligated = BigDecimal.ZERO;
    /** Net of reversals. */
    private BigDecimal disbursed = BigDecimal.ZERO;

    private Map<String, FundsPledged> pledges = new HashMap<>();
    private Map<String, BigDecimal> pledgeAmounts = new HashMap<>();
    private Map<String, FundsObligated> obligations = new HashMap<>();
    private Map<String, FundsDisbursed> disbursements = new HashMap<>();
    private Set<String> reversed = new HashSet<>();
    private Map<String, DialogueScheduled> dialogues = new HashMap<>();
    private Set<String> concludedDialogues = new HashSet<>();
    private Map<String, MilestoneSet> milestones = new HashMap<>();
    private Set<String> achievedMilestones = new HashSet<>();
    private Map<String, IndicatorDefined> indicators = new HashMap<>();
    private Map<String, ProgressMeasured> measurements = new HashMap<>();
    private Map<String, AgreementSigned> agreements = new HashMap<>();
    private Map<String, EvidenceAttached> evidence = new HashMap<>();

    protected Commitment() {
        // for Axon
    }

    @CommandHandlerInterceptor
    Object checkExpectedVersion(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object expected = command.getMetaData().get(CommandContext.EXPECTED_VERSION);
        if (expected != null && ((Number) expected).longValue() != version()) {
            throw new CommitmentRefused(CommitmentRefused.Reason.VERSION_MISMATCH,
                    "The commitment is at version " + version() + ", not " + expected + ".");
        }
        return chain.proceed();
    }

    // --- the commitment itself ---

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(AnnounceCommitment command) {
        if (announcedOn != null) {
            throw conflict("Commitment '" + command.commitmentId() + "' already exists.");
        }
        if (command.announcedOn().isAfter(command.today().plusDays(DAYS_OF_SLACK))) {
            throw invalid("announcedOn " + command.announcedOn() + " lies in the future.");
        }
        if (command.dueBy() != null && command.dueBy().isBefore(command.announcedOn())) {
            throw invalid("dueBy must not be before announcedOn.");
        }
        return record(new CommitmentAnnounced(command.commitmentId(), command.title(), command.summary(),
                command.category(), command.parties(), command.leadAgencies(), command.announcedOn(), command.source(),
                command.dueBy()));
    }

    @CommandHandler
    long handle(ReviseCommitment command) {
        requireOpen();
        if (command.title() == null && command.summary() == null && command.dueBy() == null
                && command.leadAgencies() == null) {
            throw invalid("A revision changes at least one of title, summary, dueBy and leadAgencies.");
        }
        if (command.dueBy() != null && command.dueBy().isBefore(announcedOn)) {
            throw conflict("dueBy " + command.dueBy() + " is before the announcement on " + announcedOn + ".");
        }
        LocalDate occurredOn = orToday(command.occurredOn(), command.today());
        requireFactDate("occurredOn", occurredOn, command.today());
        return record(new CommitmentRevised(commitmentId, command.title(), command.summary(), command.dueBy(),
                command.leadAgencies(), command.reason(), occurredOn));
    }

    @CommandHandler
    long handle(FulfilCommitment command) {
        requireOpen();
        requireFactDate("fulfilledOn", command.fulfilledOn(), command.today());
        return record(new CommitmentFulfilled(commitmentId, command.fulfilledOn(), command.summary()));
    }

    @CommandHandler
    long handle(WithdrawCommitment command) {
        requireOpen();
        requireFactDate("withdrawnOn", command.withdrawnOn(), command.today());
        return record(new CommitmentWithdrawn(commitmentId, command.withdrawnOn(), command.reason()));
    }

    /**
     * A commitment of a fact sheet: announced unless it already was, then each stated fact by
     * its own rules. One refusal refuses the whole command, so a sheet never half-records one.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ImportCommitment command) {
        if (announcedOn == null) {
            handle(command.announcement());
        }
        for (CommitmentCommand fact : command.facts()) {
            if (fact instanceof ScheduleDialogue dialogue) {
                handle(dialogue);
            } else if (fact instanceof PledgeFunds pledge) {
                handle(pledge);
            } else if (fact instanceof DefineIndicator indicator) {
                handle(indicator);
            } else if (fact instanceof SignAgreement agreement) {
                handle(agreement);
            } else {
                throw new IllegalArgumentException("A fact sheet states no " + fact.getClass().getSimpleName() + ".");
            }
        }
        return version();
    }

    // --- dialogues ---

    @CommandHandler
    long handle(ScheduleDialogue command) {
        LocalDate occurredOn = orFirstDay(command.occurredOn(), dialogues.get(command.dialogueId()), command.today());
        DialogueScheduled event = new DialogueScheduled(commitmentId, command.dialogueId(), command.name(),
                command.plannedFrom(), command.plannedTo(), command.location(), occurredOn);
        if (isRepeat("Dialogue", dialogues, command.dialogueId(), event)) {
            return version();
        }
        requireOpen();
        requirePeriod("plannedTo", command.plannedFrom(), command.plannedTo(), true);
        requireFactDate("occurredOn", occurredOn, command.today());
        return record(event);
    }

    @CommandHandler
    long handle(RescheduleDialogue command) {
        requireOpen();
        requireScheduledDialogue(command.dialogueId());
        requirePeriod("plannedTo", command.plannedFrom(), command.plannedTo(), true);
        LocalDate occurredOn = orToday(command.occurredOn(), command.today());
        requireFactDate("occurredOn", occurredOn, command.today());
        return record(new DialogueRescheduled(commitmentId, command.dialogueId(), command.plannedFrom(),
                command.plannedTo(), command.reason(), occurredOn));
    }

    @CommandHandler
    long handle(MarkDialogueHeld command) {
        requireOpen();
        requireScheduledDialogue(command.dialogueId());
        requireFactDate("heldOn", command.heldOn(), command.today());
        return record(new DialogueHeld(commitmentId, command.dialogueId(), command.heldOn(), command.location(),
                command.outcomes(), command.communiqueUrl()));
    }

    @CommandHandler
    long handle(CancelDialogue command) {
        requireOpen();
        requireScheduledDialogue(command.dialogueId());
        LocalDate occurredOn = orToday(command.occurredOn(), command.today());
        requireFactDate("occurredOn", occurredOn, command.today());
        return record(new DialogueCancelled(commitmentId, command.dialogueId(), command.reason(), occurredOn));
    }

    // --- funding ---

    @CommandHandler
    long handle(PledgeFunds command) {
        LocalDate occurredOn = orFirstDay(command.occurredOn(), pledges.get(command.pledgeId()), command.today());
        FundsPledged event = new FundsPledged(commitmentId, command.pledgeId(), command.amount(), command.periodFrom(),
                command.periodTo(), command.fundingSource(), occurredOn);
        if (isRepeat("Pledge", pledges, command.pledgeId(), event)) {
            return version();
        }
        requireOpen();
        requirePositive(command.amount());
        requireCurrency(command.amount());
        requirePeriod("periodTo", command.periodFrom(), command.periodTo(), false);
        requireFactDate("occurredOn", occurredOn, command.today());
        return record(event);
    }

    @CommandHandler
    long handle(RevisePledge command) {
        requireOpen();
        BigDecimal current = pledgeAmounts.get(command.pledgeId());
        if (current == null) {
            throw unknown("Pledge '" + command.pledgeId() + "' does not exist.");
        }
        requirePositive(command.newAmount());
        requireCurrency(command.newAmount());
        BigDecimal newTotal = pledged.subtract(current).add(command.newAmount().value());
        if (newTotal.compareTo(obligated.max(disbursed)) < 0) {
            throw conflict("Revising the pledge to " + command.newAmount() + " would leave " + money(newTotal)
                    + " pledged, below the " + money(obligated.max(disbursed)) + " already obligated or disbursed.");
        }
        LocalDate occurredOn = orToday(command.occurredOn(), command.today());
        requireFactDate("occurredOn", occurredOn, command.today());
        return record(new PledgeRevised(commitmentId, command.pledgeId(), command.newAmount(), command.reason(),
                occurredOn));
    }

    @CommandHandler
    long handle(ObligateFunds command) {
        FundsObligated event = new FundsObligated(commitmentId, command.obligationId(), command.amount(),
                command.obligatedOn(), command.implementingPartner());
        if (isRepeat("Obligation", obligations, command.obligationId(), event)) {
            return version();
        }
        requireOpen();
        requirePositive(command.amount());
        requireCurrency(command.amount());
        requireFactDate("obligatedOn", command.obligatedOn(), command.today());
        BigDecimal after = obligated.add(command.amount().value());
        if (after.compareTo(pledged) > 0) {
            throw conflict("Obligating " + command.amount() + " would bring obligations to " + money(after)
                    + ", above the " + money(pledged) + " pledged.");
        }
        if (after.compareTo(disbursed) < 0) {
            // Once anything is obligated, disbursements count against obligations: they must cover what was paid.
            throw conflict("Obligations of " + money(after) + " would not cover the " + money(disbursed)
                    + " already disbursed.");
        }
        return record(event);
    }

    @CommandHandler
    long handle(DisburseFunds command) {
        FundsDisbursed event = new FundsDisbursed(commitmentId, command.disbursementId(), command.amount(),
                command.disbursedOn(), command.recipient(), command.obligationId(), command.note());
        if (isRepeat("Disbursement", disbursements, command.disbursementId(), event)) {
            return version();
        }
        requireOpen();
        requirePositive(command.amount());
        requireCurrency(command.amount());
        requireFactDate("disbursedOn", command.disbursedOn(), command.today());
        if (command.obligationId() != null && !obligations.containsKey(command.obligationId())) {
            throw unknown("Obligation '" + command.obligationId() + "' does not exist.");
        }
        boolean anythingObligated = obligated.signum() > 0;
        BigDecimal limit = anythingObligated ? obligated : pledged;
        BigDecimal after = disbursed.add(command.amount().value());
        if (after.compareTo(limit) > 0) {
            throw conflict("Disbursing " + command.amount() + " would bring disbursements to " + money(after)
                    + ", above the " + money(limit) + (anythingObligated ? " obligated." : " pledged."));
        }
        return record(event);
    }

    @CommandHandler
    long handle(ReverseDisbursement command) {
        requireOpen();
        FundsDisbursed disbursement = disbursements.get(command.disbursementId());
        if (disbursement == null) {
            throw unknown("Disbursement '" + command.disbursementId() + "' does not exist.");
        }
        if (reversed.contains(command.disbursementId())) {
            throw conflict("Disbursement '" + command.disbursementId() + "' has already been reversed.");
        }
        requireFactDate("reversedOn", command.reversedOn(), command.today());
        if (command.reversedOn().isBefore(disbursement.disbursedOn())) {
            throw conflict("reversedOn is before the disbursement on " + disbursement.disbursedOn() + ".");
        }
        return record(new DisbursementReversed(commitmentId, command.disbursementId(), disbursement.amount(),
                command.reason(), command.reversedOn()));
    }

    // --- progress ---

    @CommandHandler
    long handle(SetMilestone command) {
        LocalDate occurredOn = orFirstDay(command.occurredOn(), milestones.get(command.milestoneId()), command.today());
        MilestoneSet event = new MilestoneSet(commitmentId, command.milestoneId(), command.description(),
                command.dueBy(), occurredOn);
        if (isRepeat("Milestone", milestones, command.milestoneId(), event)) {
            return version();
        }
        requireOpen();
        if (command.dueBy().isBefore(announcedOn)) {
            throw conflict("dueBy " + command.dueBy() + " is before the announcement on " + announcedOn + ".");
        }
        requireFactDate("occurredOn", occurredOn, command.today());
        return record(event);
    }

    @CommandHandler
    long handle(MarkMilestoneAchieved command) {
        requireOpen();
        if (!milestones.containsKey(command.milestoneId())) {
            throw unknown("Milestone '" + command.milestoneId() + "' does not exist.");
        }
        if (achievedMilestones.contains(command.milestoneId())) {
            throw conflict("Milestone '" + command.milestoneId() + "' has already been achieved.");
        }
        requireFactDate("achievedOn", command.achievedOn(), command.today());
        return record(new MilestoneAchieved(commitmentId, command.milestoneId(), command.achievedOn(), command.note()));
    }

    @CommandHandler
    long handle(DefineIndicator command) {
        LocalDate occurredOn = orFirstDay(command.occurredOn(), indicators.get(command.indicatorId()),
                command.today());
        IndicatorDefined event = new IndicatorDefined(commitmentId, command.indicatorId(), command.name(),
                command.unit(), command.baseline(), command.target(), command.targetDate(), occurredOn);
        if (isRepeat("Indicator", indicators, command.indicatorId(), event)) {
            return version();
        }
        requireOpen();
        requireFactDate("occurredOn", occurredOn, command.today());
        return record(event);
    }

    @CommandHandler
    long handle(MeasureProgress command) {
        ProgressMeasured event = new ProgressMeasured(commitmentId, command.indicatorId(), command.measurementId(),
                command.value(), command.measuredOn(), command.source());
        if (isRepeat("Measurement", measurements, command.measurementId(), event)) {
            return version();
        }
        requireOpen();
        if (!indicators.containsKey(command.indicatorId())) {
            throw unknown("Indicator '" + command.indicatorId() + "' does not exist.");
        }
        requireFactDate("measuredOn", command.measuredOn(), command.today());
        return record(event);
    }

    @CommandHandler
    long handle(SignAgreement command) {
        AgreementSigned event = new AgreementSigned(commitmentId, command.agreementId(), command.title(),
                command.signedOn(), command.signatories());
        if (isRepeat("Agreement", agreements, command.agreementId(), event)) {
            return version();
        }
        requireOpen();
        requireFactDate("signedOn", command.signedOn(), command.today());
        return record(event);
    }

    /** Allowed on a closed commitment too: a verdict may come after the end. */
    @CommandHandler
    long handle(AssessProgress command) {
        requireFactDate("assessedOn", command.assessedOn(), command.today());
        return record(new ProgressAssessed(commitmentId, command.rating(), command.rationale(), command.assessedOn()));
    }

    /** Allowed on a closed commitment too: evidence may surface after the end. */
    @CommandHandler
    long handle(AttachEvidence command) {
        EvidenceAttached event = new EvidenceAttached(commitmentId, command.evidenceId(), command.title(),
                command.url(), command.sha256(), command.capturedOn());
        if (isRepeat("Evidence", evidence, command.evidenceId(), event)) {
            return version();
        }
        requireFactDate("capturedOn", command.capturedOn(), command.today());
        return record(event);
    }

    // --- what the events did: assignments only ---

    @EventSourcingHandler
    void on(CommitmentEvent event, @MetaDataValue("hash") String hash) {
        lastHash = hash;
        evolve(event);
    }

    private void evolve(CommitmentEvent event) {
        if (event instanceof CommitmentAnnounced e) {
            commitmentId = e.commitmentId();
            announcedOn = e.announcedOn();
        } else if (event instanceof CommitmentFulfilled || event instanceof CommitmentWithdrawn) {
            closed = true;
        } else if (event instanceof DialogueScheduled e) {
            dialogues.put(e.dialogueId(), e);
        } else if (event instanceof DialogueHeld e) {
            concludedDialogues.add(e.dialogueId());
        } else if (event instanceof DialogueCancelled e) {
            concludedDialogues.add(e.dialogueId());
        } else if (event instanceof FundsPledged e) {
            currency = currency == null ? e.amount().currency() : currency;
            pledges.put(e.pledgeId(), e);
            pledgeAmounts.put(e.pledgeId(), e.amount().value());
            pledged = pledged.add(e.amount().value());
        } else if (event instanceof PledgeRevised e) {
            pledged = pledged.subtract(pledgeAmounts.get(e.pledgeId())).add(e.newAmount().value());
            pledgeAmounts.put(e.pledgeId(), e.newAmount().value());
        } else if (event instanceof FundsObligated e) {
            obligations.put(e.obligationId(), e);
            obligated = obligated.add(e.amount().value());
        } else if (event instanceof FundsDisbursed e) {
            disbursements.put(e.disbursementId(), e);
            disbursed = disbursed.add(e.amount().value());
        } else if (event instanceof DisbursementReversed e) {
            reversed.add(e.disbursementId());
            disbursed = disbursed.subtract(e.amount().value());
        } else if (event instanceof MilestoneSet e) {
            milestones.put(e.milestoneId(), e);
        } else if (event instanceof MilestoneAchieved e) {
            achievedMilestones.add(e.milestoneId());
        } else if (event instanceof IndicatorDefined e) {
            indicators.put(e.indicatorId(), e);
        } else if (event instanceof ProgressMeasured e) {
            measurements.put(e.measurementId(), e);
        } else if (event instanceof AgreementSigned e) {
            agreements.put(e.agreementId(), e);
        } else if (event instanceof EvidenceAttached e) {
            evidence.put(e.evidenceId(), e);
        }
        // CommitmentRevised, DialogueRescheduled and ProgressAssessed change nothing a decision needs.
    }

    // --- the rules shared by several commands ---

    private void requireOpen() {
        if (closed) {
            throw conflict("Commitment '" + commitmentId + "' is closed (fulfilled or withdrawn); "
                    + "it takes only evidence and assessments.");
        }
    }

    /** A fact happened neither in the future (beyond a day of slack) nor before the announcement. */
    private void requireFactDate(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today.plusDays(DAYS_OF_SLACK))) {
            throw invalid(field + " " + date + " lies in the future.");
        }
        if (date.isBefore(announcedOn)) {
            throw conflict(field + " " + date + " is before the announcement on " + announcedOn + ".");
        }
    }

    private static void requirePeriod(String field, LocalDate from, LocalDate to, boolean sameDayAllowed) {
        boolean valid = sameDayAllowed ? !to.isBefore(from) : to.isAfter(from);
        if (!valid) {
            throw invalid(field + " " + to + " must be " + (sameDayAllowed ? "on or after " : "after ") + from + ".");
        }
    }

    private static void requirePositive(Money amount) {
        if (!amount.isPositive()) {
            throw invalid("The amount must be positive, not " + amount + ".");
        }
    }

    private void requireCurrency(Money amount) {
        if (currency != null && !currency.equals(amount.currency())) {
            throw conflict("All money of this commitment is in " + currency + ", not " + amount.currency() + ".");
        }
    }

    private void requireScheduledDialogue(String dialogueId) {
        if (!dialogues.containsKey(dialogueId)) {
            throw unknown("Dialogue '" + dialogueId + "' does not exist.");
        }
        if (concludedDialogues.contains(dialogueId)) {
            throw conflict("Dialogue '" + dialogueId + "' has already been held or cancelled.");
        }
    }

    /** A child id already used: with the same content a harmless repeat, with other content a conflict. */
    private static <E> boolean isRepeat(String kind, Map<String, E> recorded, String childId, E event) {
        E earlier = recorded.get(childId);
        if (earlier == null) {
            return false;
        }
        if (!earlier.equals(event)) {
            throw conflict(kind + " '" + childId + "' already exists with other content.");
        }
        return true;
    }

    private static LocalDate orToday(LocalDate date, LocalDate today) {
        return date != null ? date : today;
    }

    /**
     * A child's date left out means today, except on a repeat of that child: a retry on a later
     * day sends the same content, so it means the day the child was first recorded.
     */
    private static LocalDate orFirstDay(LocalDate date, CommitmentEvent earlier, LocalDate today) {
        return date != null ? date : earlier != null ? earlier.occurredOn() : today;
    }

    private String money(BigDecimal value) {
        return (currency == null ? "" : currency + " ") + value.toPlainString();
    }

    /** Applies an event with its link of the integrity chain (domain.md) in its metadata; answers the new version. */
    private long record(CommitmentEvent event) {
        MetaData command = CurrentUnitOfWork.get().getMessage().getMetaData();
        String actor = (String) command.get(CommandContext.ACTOR);
        ChainedIdentity.Pending identity = ChainedIdentity.next();
        String hash = IntegrityChain.hashV2(lastHash, new IntegrityChain.Identity(identity.eventId(),
                event.commitmentId(), version() + 1, identity.recordedAt()), IntegrityChain.Link.of(event, actor));
        AggregateLifecycle.apply(event, identity.asMetaData().and("hash", hash).and("previousHash", lastHash)
                .and(IntegrityChain.VERSION_KEY, IntegrityChain.CURRENT_VERSION));
        return version();
    }

    private static long version() {
        Long lastSequenceNumber = AggregateLifecycle.getVersion();
        return lastSequenceNumber == null ? 0 : lastSequenceNumber + 1;
    }
}
