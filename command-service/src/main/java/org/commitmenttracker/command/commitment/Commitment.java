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
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.serialization.Revision;
import org.commitmenttracker.command.correction.CorrectFact;
import org.commitmenttracker.command.correction.RetractFact;
import org.commitmenttracker.command.dialogue.CancelDialogue;
import org.commitmenttracker.command.dialogue.Dialogues;
import org.commitmenttracker.command.dialogue.MarkDialogueHeld;
import org.commitmenttracker.command.dialogue.RescheduleDialogue;
import org.commitmenttracker.command.dialogue.ScheduleDialogue;
import org.commitmenttracker.command.funding.DeobligateFunds;
import org.commitmenttracker.command.funding.DisburseFunds;
import org.commitmenttracker.command.funding.Funding;
import org.commitmenttracker.command.funding.ObligateFunds;
import org.commitmenttracker.command.funding.PledgeFunds;
import org.commitmenttracker.command.funding.ReverseDisbursement;
import org.commitmenttracker.command.funding.RevisePledge;
import org.commitmenttracker.command.messaging.ChainedIdentity;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.command.messaging.CommitmentCommand;
import org.commitmenttracker.command.messaging.Repeat;
import org.commitmenttracker.command.progress.AssessProgress;
import org.commitmenttracker.command.progress.AttachEvidence;
import org.commitmenttracker.command.progress.DefineIndicator;
import org.commitmenttracker.command.progress.MarkMilestoneAchieved;
import org.commitmenttracker.command.progress.MeasureProgress;
import org.commitmenttracker.command.progress.Progress;
import org.commitmenttracker.command.progress.SetMilestone;
import org.commitmenttracker.command.progress.SignAgreement;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.commitment.CommitmentFulfilled;
import org.commitmenttracker.events.commitment.CommitmentRevised;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactKind;
import org.commitmenttracker.events.correction.FactRetracted;
import org.commitmenttracker.events.dialogue.DialogueCancelled;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueRescheduled;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDeobligated;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.commitmenttracker.command.commitment.CommitmentRefused.conflict;
import static org.commitmenttracker.command.commitment.CommitmentRefused.invalid;
import static org.commitmenttracker.command.commitment.CommitmentRefused.unknown;

/**
 * One public promise and everything that happened to it. The command handlers decide (each
 * rule one {@code if} and one refusal), with the state and checks of each feature in its own
 * class ({@link Funding}, {@link Dialogues}, {@link Progress}); evolving only assigns. Every
 * handler answers the commitment's version, the number of events in its stream. A child id sent
 * again with the same content is a harmless repeat: no new event, and the answer of its first
 * request ({@link Repeat}).
 * <p>
 * Snapshots hold this class as JSON; {@code @Revision} is raised whenever its fields change
 * shape, so that Axon skips snapshots of an older shape and sources from the events instead.
 */
@Aggregate(snapshotTriggerDefinition = "commitmentSnapshotTrigger", cache = "commitmentCache",
        commandTargetResolver = "commitmentTargetResolver")
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Commitment {

    /** Facts may be logged a day ahead of UTC, for the time zones west of it. */
    private static final int DAYS_OF_SLACK = 1;
    /** Older dates are typing errors (domain.md "Two clocks"). */
    static final LocalDate EARLIEST_FACT = LocalDate.of(1900, 1, 1);
    /** What a closed commitment still takes, also as corrections. */
    private static final Set<FactKind> AFTER_THE_END = EnumSet.of(FactKind.EVIDENCE, FactKind.ASSESSMENT);

    @AggregateIdentifier
    private String commitmentId;
    private LocalDate announcedOn;
    private boolean closed;
    private String lastHash = IntegrityChain.GENESIS;

    private Recorded announcement;
    /** The revisions of the commitment's own fields, in the order recorded. */
    private List<Recorded> revisions = new ArrayList<>();

    private Funding funding = new Funding();
    private Dialogues dialogues = new Dialogues();
    private Progress progress = new Progress();

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
        CommitmentAnnounced event = new CommitmentAnnounced(command.commitmentId(), command.title(), command.summary(),
                command.category(), command.parties(), command.leadAgencies(), command.announcedOn(), command.source(),
                command.dueBy());
        checkAnnouncement(event, command.today());
        return record(event);
    }

    private static void checkAnnouncement(CommitmentAnnounced event, LocalDate today) {
        if (event.announcedOn().isAfter(today.plusDays(DAYS_OF_SLACK))) {
            throw invalid("announcedOn " + event.announcedOn() + " lies in the future.");
        }
        if (event.announcedOn().isBefore(EARLIEST_FACT)) {
            throw invalid("announcedOn " + event.announcedOn() + " is before " + EARLIEST_FACT + ".");
        }
        if (event.dueBy() != null && event.dueBy().isBefore(event.announcedOn())) {
            throw invalid("dueBy must not be before announcedOn.");
        }
    }

    @CommandHandler
    long handle(ReviseCommitment command) {
        requireOpen();
        LocalDate occurredOn = orToday(command.occurredOn(), command.today());
        CommitmentRevised event = new CommitmentRevised(commitmentId, command.title(), command.summary(),
                command.dueBy(), command.leadAgencies(), command.reason(), occurredOn);
        checkRevision(event);
        requireFactDate("occurredOn", occurredOn, command.today());
        return record(event);
    }

    private void checkRevision(CommitmentRevised event) {
        if (event.title() == null && event.summary() == null && event.dueBy() == null
                && event.leadAgencies() == null) {
            throw invalid("A revision changes at least one of title, summary, dueBy and leadAgencies.");
        }
        if (event.dueBy() != null && event.dueBy().isBefore(announcedOn)) {
            throw conflict("dueBy " + event.dueBy() + " is before the announcement on " + announcedOn + ".");
        }
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
    Object handle(ScheduleDialogue command) {
        Recorded earlier = dialogues.scheduling(command.dialogueId());
        LocalDate occurredOn = orFirstDay(command.occurredOn(), earlier, command.today());
        DialogueScheduled event = new DialogueScheduled(commitmentId, command.dialogueId(), command.name(),
                command.plannedFrom(), command.plannedTo(), command.location(), occurredOn);
        Repeat repeat = Recorded.repeatOf("Dialogue", command.dialogueId(), earlier, event);
        if (repeat != null) {
            return repeat;
        }
        requireOpen();
        dialogues.checkScheduling(event);
        requireFactDate("occurredOn", occurredOn, command.today());
        return record(event);
    }

    @CommandHandler
    long handle(RescheduleDialogue command) {
        requireOpen();
        LocalDate occurredOn = orToday(command.occurredOn(), command.today());
        DialogueRescheduled event = new DialogueRescheduled(commitmentId, command.dialogueId(), command.plannedFrom(),
                command.plannedTo(), command.reason(), occurredOn);
        requireFactDate("occurredOn", occurredOn, command.today());
        dialogues.checkStep(command.dialogueId(), event);
        return record(event);
    }

    @CommandHandler
    long handle(MarkDialogueHeld command) {
        requireOpen();
        DialogueHeld event = new DialogueHeld(commitmentId, command.dialogueId(), command.heldOn(), command.location(),
                command.outcomes(), command.communiqueUrl());
        requireFactDate("heldOn", command.heldOn(), command.today());
        dialogues.checkStep(command.dialogueId(), event);
        return record(event);
    }

    @CommandHandler
    long handle(CancelDialogue command) {
        requireOpen();
        LocalDate occurredOn = orToday(command.occurredOn(), command.today());
        DialogueCancelled event = new DialogueCancelled(commitmentId, command.dialogueId(), command.reason(),
                occurredOn);
        requireFactDate("occurredOn", occurredOn, command.today());
        dialogues.checkStep(command.dialogueId(), event);
        return record(event);
    }

    // --- funding ---

    @CommandHandler
    Object handle(PledgeFunds command) {
        Recorded earlier = funding.pledge(command.pledgeId());
        LocalDate occurredOn = orFirstDay(command.occurredOn(), earlier, command.today());
        FundsPledged event = new FundsPledged(commitmentId, command.pledgeId(), command.amount(), command.periodFrom(),
                command.periodTo(), command.fundingSource(), occurredOn, command.reference());
        Repeat repeat = Recorded.repeatOf("Pledge", command.pledgeId(), earlier, event);
        if (repeat != null) {
            return repeat;
        }
        requireOpen();
        requireFactDate("occurredOn", occurredOn, command.today());
        funding.checkPledge(event);
        return record(event);
    }

    @CommandHandler
    long handle(RevisePledge command) {
        requireOpen();
        LocalDate occurredOn = orToday(command.occurredOn(), command.today());
        PledgeRevised event = new PledgeRevised(commitmentId, command.pledgeId(), command.newAmount(), command.reason(),
                occurredOn, command.reference());
        funding.checkRevision(event);
        requireFactDate("occurredOn", occurredOn, command.today());
        return record(event);
    }

    @CommandHandler
    Object handle(ObligateFunds command) {
        FundsObligated event = new FundsObligated(commitmentId, command.obligationId(), command.amount(),
                command.obligatedOn(), command.implementingPartner(), command.reference());
        Repeat repeat = Recorded.repeatOf("Obligation", command.obligationId(),
                funding.obligation(command.obligationId()), event);
        if (repeat != null) {
            return repeat;
        }
        requireOpen();
        requireFactDate("obligatedOn", command.obligatedOn(), command.today());
        funding.checkObligation(event);
        return record(event);
    }

    @CommandHandler
    Object handle(DisburseFunds command) {
        FundsDisbursed event = new FundsDisbursed(commitmentId, command.disbursementId(), command.amount(),
                command.disbursedOn(), command.recipient(), command.obligationId(), command.note(),
                command.reference());
        Repeat repeat = Recorded.repeatOf("Disbursement", command.disbursementId(),
                funding.disbursement(command.disbursementId()), event);
        if (repeat != null) {
            return repeat;
        }
        requireOpen();
        requireFactDate("disbursedOn", command.disbursedOn(), command.today());
        funding.checkDisbursement(event);
        return record(event);
    }

    @CommandHandler
    long handle(ReverseDisbursement command) {
        requireOpen();
        requireFactDate("reversedOn", command.reversedOn(), command.today());
        return record(funding.reversal(command));
    }

    @CommandHandler
    Object handle(DeobligateFunds command) {
        FundsDeobligated event = new FundsDeobligated(commitmentId, command.deobligationId(), command.obligationId(),
                command.amount(), command.deobligatedOn(), command.reason(), command.reference());
        Repeat repeat = Recorded.repeatOf("De-obligation", command.deobligationId(),
                funding.deobligation(command.deobligationId()), event);
        if (repeat != null) {
            return repeat;
        }
        requireOpen();
        requireFactDate("deobligatedOn", command.deobligatedOn(), command.today());
        funding.checkDeobligation(event);
        return record(event);
    }

    // --- progress ---

    @CommandHandler
    Object handle(SetMilestone command) {
        Recorded earlier = progress.milestone(command.milestoneId());
        LocalDate occurredOn = orFirstDay(command.occurredOn(), earlier, command.today());
        MilestoneSet event = new MilestoneSet(commitmentId, command.milestoneId(), command.description(),
                command.dueBy(), occurredOn);
        Repeat repeat = Recorded.repeatOf("Milestone", command.milestoneId(), earlier, event);
        if (repeat != null) {
            return repeat;
        }
        requireOpen();
        requireDueAfterAnnouncement(event);
        requireFactDate("occurredOn", occurredOn, command.today());
        return record(event);
    }

    private void requireDueAfterAnnouncement(MilestoneSet event) {
        if (event.dueBy().isBefore(announcedOn)) {
            throw conflict("dueBy " + event.dueBy() + " is before the announcement on " + announcedOn + ".");
        }
    }

    @CommandHandler
    long handle(MarkMilestoneAchieved command) {
        requireOpen();
        MilestoneAchieved event = new MilestoneAchieved(commitmentId, command.milestoneId(), command.achievedOn(),
                command.note());
        requireFactDate("achievedOn", command.achievedOn(), command.today());
        progress.checkAchievement(event);
        return record(event);
    }

    @CommandHandler
    Object handle(DefineIndicator command) {
        Recorded earlier = progress.indicator(command.indicatorId());
        LocalDate occurredOn = orFirstDay(command.occurredOn(), earlier, command.today());
        IndicatorDefined event = new IndicatorDefined(commitmentId, command.indicatorId(), command.name(),
                command.unit(), command.baseline(), command.target(), command.targetDate(), occurredOn);
        Repeat repeat = Recorded.repeatOf("Indicator", command.indicatorId(), earlier, event);
        if (repeat != null) {
            return repeat;
        }
        requireOpen();
        requireFactDate("occurredOn", occurredOn, command.today());
        return record(event);
    }

    @CommandHandler
    Object handle(MeasureProgress command) {
        ProgressMeasured event = new ProgressMeasured(commitmentId, command.indicatorId(), command.measurementId(),
                command.value(), command.measuredOn(), command.source());
        Repeat repeat = Recorded.repeatOf("Measurement", command.measurementId(),
                progress.measurement(command.measurementId()), event);
        if (repeat != null) {
            return repeat;
        }
        requireOpen();
        requireFactDate("measuredOn", command.measuredOn(), command.today());
        progress.checkMeasurement(event);
        return record(event);
    }

    @CommandHandler
    Object handle(SignAgreement command) {
        AgreementSigned event = new AgreementSigned(commitmentId, command.agreementId(), command.title(),
                command.signedOn(), command.signatories());
        Repeat repeat = Recorded.repeatOf("Agreement", command.agreementId(), progress.agreement(command.agreementId()),
                event);
        if (repeat != null) {
            return repeat;
        }
        requireOpen();
        requireFactDate("signedOn", command.signedOn(), command.today());
        return record(event);
    }

    /** Allowed on a closed commitment too: a verdict may come after the end. */
    @CommandHandler
    Object handle(AssessProgress command) {
        String assessmentId = command.assessmentId() != null ? command.assessmentId()
                : "assessment-" + UUID.randomUUID();
        ProgressAssessed event = new ProgressAssessed(commitmentId, assessmentId, command.rating(),
                command.rationale(), command.assessedOn());
        Repeat repeat = Recorded.repeatOf("Assessment", assessmentId, progress.assessment(assessmentId), event);
        if (repeat != null) {
            return repeat;
        }
        requireFactDate("assessedOn", command.assessedOn(), command.today());
        return record(event);
    }

    /** Allowed on a closed commitment too: evidence may surface after the end. */
    @CommandHandler
    Object handle(AttachEvidence command) {
        EvidenceAttached event = new EvidenceAttached(commitmentId, command.evidenceId(), command.title(),
                command.url(), command.sha256(), command.capturedOn());
        Repeat repeat = Recorded.repeatOf("Evidence", command.evidenceId(), progress.evidence(command.evidenceId()),
                event);
        if (repeat != null) {
            return repeat;
        }
        requireFactDate("capturedOn", command.capturedOn(), command.today());
        return record(event);
    }

    // --- corrections (domain.md "Corrections") ---

    /**
     * Replaces a recorded fact's content. The corrected fact obeys every rule as if it had been
     * recorded that way: its feature's state is re-evaluated with the fact replaced.
     */
    @CommandHandler
    long handle(CorrectFact command) {
        CommitmentEvent content = command.content();
        FactKind kind = command.factKind();
        String factType = EventTypes.name(content.getClass());
        if (kind.eventType(factType).isEmpty()) {
            throw invalid("A " + kind.json() + " is recorded by " + kind.eventTypes().stream().map(EventTypes::name)
                    .toList() + ", not " + factType + ".");
        }
        if (!commitmentId.equals(content.commitmentId()) || !command.factId().equals(kind.idOf(content))) {
            throw invalid("The corrected content must keep the fact's " + kind.idField() + " '" + command.factId()
                    + "'.");
        }
        if (!AFTER_THE_END.contains(kind)) {
            requireOpen();
        }
        Recorded current = recordedFact(kind, command.factId(), factType);
        if (current.live() && current.hasContent(content)) {
            throw conflict("The " + kind.json() + " '" + command.factId() + "' already reads so; nothing to correct.");
        }
        FactCorrected event = new FactCorrected(commitmentId, kind, command.factId(), factType, content,
                command.reason(), command.today());
        requireFactDate(kind.idField().replace("Id", "") + "'s date", content.occurredOn(), command.today());
        if (kind == FactKind.COMMITMENT) {
            checkCommitmentCorrection(content, command.today());
        } else {
            stateOf(kind).checkCorrection(event);
        }
        return record(event);
    }

    private void checkCommitmentCorrection(CommitmentEvent content, LocalDate today) {
        if (content instanceof CommitmentAnnounced announced) {
            checkAnnouncement(announced, today);
        } else if (content instanceof CommitmentRevised revised) {
            checkRevision(revised);
        }
    }

    /**
     * Says a fact never happened. The announcement is not retracted but withdrawn. A fact that
     * later facts depend on is retracted only after them: in particular a disbursement that has
     * a reversal (retract the reversal first: if the payment never happened, neither did its
     * return), so that no reversal is ever left without its disbursement.
     */
    @CommandHandler
    long handle(RetractFact command) {
        FactKind kind = command.factKind();
        String factType = command.factType() != null ? command.factType() : EventTypes.name(kind.originatingType());
        if (kind.eventType(factType).isEmpty()) {
            throw invalid("A " + kind.json() + " is recorded by " + kind.eventTypes().stream().map(EventTypes::name)
                    .toList() + ", not " + factType + ".");
        }
        if (kind == FactKind.COMMITMENT) {
            throw conflict("The commitment's own facts are not retracted: a commitment announced in error is "
                    + "withdrawn, and a revision is put right by a correction or another revision.");
        }
        if (!AFTER_THE_END.contains(kind)) {
            requireOpen();
        }
        Recorded current = recordedFact(kind, command.factId(), factType);
        if (!current.live()) {
            throw conflict("The " + kind.json() + " '" + command.factId() + "' has already been retracted.");
        }
        FactRetracted event = new FactRetracted(commitmentId, kind, command.factId(), factType, command.reason(),
                command.today());
        stateOf(kind).checkRetraction(event);
        return record(event);
    }

    private Recorded recordedFact(FactKind kind, String factId, String factType) {
        Recorded recorded = kind == FactKind.COMMITMENT ? commitmentFact(factId, factType)
                : stateOf(kind).recorded(kind, factId, factType);
        if (recorded == null) {
            throw unknown("No " + factType + " of " + kind.json() + " '" + factId + "' is recorded.");
        }
        return recorded;
    }

    private Recorded commitmentFact(String factId, String factType) {
        if (!commitmentId.equals(factId)) {
            return null;
        }
        return switch (factType) {
            case "CommitmentAnnounced" -> announcement;
            case "CommitmentRevised" -> revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
            default -> null; // a closing fact: only a closed commitment has one, and it takes no correction
        };
    }

    private FactState stateOf(FactKind kind) {
        return featureStates().stream().filter(state -> state.kinds().contains(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No state keeps " + kind.json()));
    }

    List<FactState> featureStates() {
        return List.of(funding, dialogues, progress);
    }

    // --- what the events did: assignments only ---

    @EventSourcingHandler
    void on(CommitmentEvent event, @MetaDataValue("hash") String hash, @SequenceNumber long sequenceNumber,
            @MessageIdentifier String messageId, @MetaDataValue(ChainedIdentity.EVENT_ID) String chosenId) {
        // While applied, the event still carries the id record() chose for it (the bus stores it
        // under that id); once stored and read back, its own id is that one.
        String eventId = chosenId != null ? chosenId : messageId;
        lastHash = hash;
        long version = sequenceNumber + 1;
        evolve(event, version, eventId);
        for (FactState state : featureStates()) {
            state.evolve(event, version, eventId);
        }
    }

    private void evolve(CommitmentEvent event, long version, String eventId) {
        if (event instanceof CommitmentAnnounced e) {
            commitmentId = e.commitmentId();
            announcedOn = e.announcedOn();
            announcement = Recorded.first(e, version, eventId);
        } else if (event instanceof CommitmentRevised e) {
            revisions.add(Recorded.first(e, version, eventId));
        } else if (event instanceof CommitmentFulfilled || event instanceof CommitmentWithdrawn) {
            closed = true;
        } else if (event instanceof FactCorrected e && e.content() instanceof CommitmentAnnounced c) {
            announcedOn = c.announcedOn();
            announcement = announcement.corrected(c);
        } else if (event instanceof FactCorrected e && e.content() instanceof CommitmentRevised c) {
            revisions.set(revisions.size() - 1, revisions.get(revisions.size() - 1).corrected(c));
        }
        // Every other event belongs to a feature's state (featureStates).
    }

    /** The event types the aggregate itself evolves by; the rest it leaves to the feature states. */
    static Set<Class<? extends CommitmentEvent>> handledTypes() {
        return Set.of(CommitmentAnnounced.class, CommitmentRevised.class, CommitmentFulfilled.class,
                CommitmentWithdrawn.class, FactCorrected.class);
    }

    /** The event types the aggregate leaves to its feature states (a commitment's own facts are never retracted). */
    static Set<Class<? extends CommitmentEvent>> ignoredTypes() {
        return Set.of(DialogueScheduled.class, DialogueRescheduled.class, DialogueHeld.class, DialogueCancelled.class,
                FundsPledged.class, PledgeRevised.class, FundsObligated.class, FundsDisbursed.class,
                DisbursementReversed.class, FundsDeobligated.class, MilestoneSet.class, MilestoneAchieved.class,
                IndicatorDefined.class, ProgressMeasured.class, AgreementSigned.class, ProgressAssessed.class,
                EvidenceAttached.class, FactRetracted.class);
    }

    // --- the rules shared by several commands ---

    private void requireOpen() {
        if (closed) {
            throw conflict("Commitment '" + commitmentId + "' is closed (fulfilled or withdrawn); "
                    + "it takes only evidence and assessments.");
        }
    }

    /**
     * A fact happened neither in the future (beyond a day of slack) nor before 1900. It may
     * predate the announcement (an MoU signed the day before the visit): the reads flag it.
     */
    private static void requireFactDate(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today.plusDays(DAYS_OF_SLACK))) {
            throw invalid(field + " " + date + " lies in the future.");
        }
        if (date.isBefore(EARLIEST_FACT)) {
            throw invalid(field + " " + date + " is before " + EARLIEST_FACT + ".");
        }
    }

    private static LocalDate orToday(LocalDate date, LocalDate today) {
        return date != null ? date : today;
    }

    /**
     * A child's date left out means today, except on a repeat of that child: a retry on a later
     * day sends the same content, so it means the day the child was first recorded.
     */
    private static LocalDate orFirstDay(LocalDate date, Recorded earlier, LocalDate today) {
        return date != null ? date : earlier != null ? earlier.firstDay() : today;
    }

    /** Applies an event with its link of the integrity chain (domain.md) in its metadata; answers the new version. */
    private long record(CommitmentEvent event) {
        MetaData command = CurrentUnitOfWork.get().getMessage().getMetaData();
        String actor = (String) command.get(CommandContext.ACTOR);
        ChainedIdentity.Pending identity = ChainedIdentity.next();
        String hash = IntegrityChain.hashV2(lastHash, new IntegrityChain.Identity(identity.eventId(),
                event.commitmentId(), version() + 1, identity.recordedAt()), event, actor,
                CanonicalEvent.of(event).json());
        AggregateLifecycle.apply(event, identity.asMetaData().and("hash", hash).and("previousHash", lastHash)
                .and(IntegrityChain.VERSION_KEY, IntegrityChain.CURRENT_VERSION));
        return version();
    }

    private static long version() {
        Long lastSequenceNumber = AggregateLifecycle.getVersion();
        return lastSequenceNumber == null ? 0 : lastSequenceNumber + 1;
    }
}
