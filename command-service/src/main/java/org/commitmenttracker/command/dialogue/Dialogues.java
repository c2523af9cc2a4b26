package org.commitmenttracker.command.dialogue;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.commitmenttracker.command.commitment.FactState;
import org.commitmenttracker.command.commitment.Recorded;
import org.commitmenttracker.events.CommitmentEvent;
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
import org.commitmenttracker.events.progress.AgreementSigned;
import org.commitmenttracker.events.progress.EvidenceAttached;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.commitmenttracker.events.progress.MilestoneAchieved;
import org.commitmenttracker.events.progress.MilestoneSet;
import org.commitmenttracker.events.progress.ProgressAssessed;
import org.commitmenttracker.events.progress.ProgressMeasured;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.commitmenttracker.command.commitment.CommitmentRefused.conflict;
import static org.commitmenttracker.command.commitment.CommitmentRefused.invalid;
import static org.commitmenttracker.command.commitment.CommitmentRefused.unknown;

/**
 * The dialogues of a commitment: each scheduled once, then rescheduled, held or cancelled, each
 * of those on or after the day it was scheduled (domain.md "Two clocks").
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Dialogues implements FactState {

    private Map<String, Dialogue> dialogues = new LinkedHashMap<>();

    record Step(LocalDate on, Recorded recorded) {
    }

    /** {@code reschedules} in the order recorded; the latest standing one is "the" rescheduling. */
    record Dialogue(LocalDate scheduledOn, Recorded scheduled, List<Step> reschedules, Step held, Step cancelled) {
        boolean concluded() {
            return held != null && held.recorded().live() || cancelled != null && cancelled.recorded().live();
        }

        Dialogue with(List<Step> reschedules, Step held, Step cancelled) {
            return new Dialogue(scheduledOn, scheduled, reschedules, held, cancelled);
        }
    }

    public Recorded scheduling(String dialogueId) {
        Dialogue dialogue = dialogues.get(dialogueId);
        return dialogue == null ? null : dialogue.scheduled();
    }

    public void checkScheduling(DialogueScheduled event) {
        checkFact(event);
    }

    /** Reschedule, hold or cancel only a scheduled dialogue, not held or cancelled, and not before its scheduling. */
    public void checkStep(String dialogueId, CommitmentEvent event) {
        Dialogue dialogue = dialogues.get(dialogueId);
        if (dialogue == null || !dialogue.scheduled().live()) {
            throw unknown("Dialogue '" + dialogueId + "' does not exist.");
        }
        if (dialogue.concluded()) {
            throw conflict("Dialogue '" + dialogueId + "' has already been held or cancelled.");
        }
        checkFact(event);
        requireNothingBroken(with(event));
    }

    @Override
    public Set<FactKind> kinds() {
        return Set.of(FactKind.DIALOGUE);
    }

    @Override
    public Recorded recorded(FactKind kind, String factId, String factType) {
        Dialogue dialogue = kind == FactKind.DIALOGUE ? dialogues.get(factId) : null;
        if (dialogue == null) {
            return null;
        }
        Step step = switch (factType) {
            case "DialogueRescheduled" -> latest(dialogue.reschedules()).orElse(null);
            case "DialogueHeld" -> dialogue.held();
            case "DialogueCancelled" -> dialogue.cancelled();
            default -> new Step(dialogue.scheduledOn(), dialogue.scheduled());
        };
        return step == null ? null : step.recorded();
    }

    @Override
    public void checkCorrection(FactCorrected correction) {
        checkFact(correction.content());
        requireNothingBroken(with(correction));
    }

    /** The scheduling of a dialogue that was since rescheduled, held or cancelled is retracted after those. */
    @Override
    public void checkRetraction(FactRetracted retraction) {
        Dialogue dialogue = dialogues.get(retraction.factId());
        boolean followed = dialogue.reschedules().stream().anyMatch(s -> s.recorded().live()) || dialogue.concluded();
        if (retraction.factType().equals("DialogueScheduled") && followed) {
            throw conflict("Dialogue '" + retraction.factId() + "' was since rescheduled, held or cancelled; "
                    + "retract those first.");
        }
        requireNothingBroken(with(retraction));
    }

    @Override
    public List<String> violations() {
        List<String> broken = new ArrayList<>();
        dialogues.forEach((id, dialogue) -> {
            if (!dialogue.scheduled().live()) {
                return;
            }
            for (Step step : steps(dialogue)) {
                if (step.on().isBefore(dialogue.scheduledOn())) {
                    broken.add("Dialogue '" + id + "': a fact dated " + step.on()
                            + " would precede its scheduling on " + dialogue.scheduledOn() + "; a fact never "
                            + "precedes the fact it depends on (if the earlier fact's date is wrong, correct it first).");
                }
            }
            if (dialogue.held() != null && dialogue.held().recorded().live()
                    && dialogue.cancelled() != null && dialogue.cancelled().recorded().live()) {
                broken.add("Dialogue '" + id + "' cannot be both held and cancelled.");
            }
        });
        return broken;
    }

    private static List<Step> steps(Dialogue dialogue) {
        List<Step> steps = new ArrayList<>(dialogue.reschedules());
        if (dialogue.held() != null) {
            steps.add(dialogue.held());
        }
        if (dialogue.cancelled() != null) {
            steps.add(dialogue.cancelled());
        }
        return steps.stream().filter(s -> s.recorded().live()).toList();
    }

    private static void checkFact(CommitmentEvent fact) {
        if (fact instanceof DialogueScheduled e) {
            requirePeriod(e.plannedFrom(), e.plannedTo());
        } else if (fact instanceof DialogueRescheduled e) {
            requirePeriod(e.plannedFrom(), e.plannedTo());
        }
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw invalid("plannedTo " + to + " must be on or after " + from + ".");
        }
    }

    private static Optional<Step> latest(List<Step> steps) {
        return steps.stream().filter(s -> s.recorded().live()).reduce((a, b) -> b)
                .or(() -> steps.stream().reduce((a, b) -> b));
    }

    // --- what the events did: assignments only ---

    private Dialogues with(CommitmentEvent event) {
        Dialogues next = new Dialogues();
        next.dialogues = new LinkedHashMap<>(dialogues);
        next.evolve(event, Long.MAX_VALUE, null);
        return next;
    }

    @Override
    public void evolve(CommitmentEvent event, long version, String eventId) {
        if (event instanceof DialogueScheduled e) {
            dialogues.put(e.dialogueId(), new Dialogue(e.occurredOn(), Recorded.first(e, version, eventId), List.of(),
                    null, null));
        } else if (event instanceof DialogueRescheduled e) {
            Dialogue d = dialogues.get(e.dialogueId());
            List<Step> reschedules = new ArrayList<>(d.reschedules());
            reschedules.add(new Step(e.occurredOn(), Recorded.first(e, version, eventId)));
            dialogues.put(e.dialogueId(), d.with(List.copyOf(reschedules), d.held(), d.cancelled()));
        } else if (event instanceof DialogueHeld e) {
            Dialogue d = dialogues.get(e.dialogueId());
            dialogues.put(e.dialogueId(), d.with(d.reschedules(), new Step(e.heldOn(),
                    Recorded.first(e, version, eventId)), d.cancelled()));
        } else if (event instanceof DialogueCancelled e) {
            Dialogue d = dialogues.get(e.dialogueId());
            dialogues.put(e.dialogueId(), d.with(d.reschedules(), d.held(), new Step(e.occurredOn(),
                    Recorded.first(e, version, eventId))));
        } else if (event instanceof FactCorrected e && e.factKind() == FactKind.DIALOGUE) {
            change(e.factId(), e.factType(), e.content());
        } else if (event instanceof FactRetracted e && e.factKind() == FactKind.DIALOGUE) {
            change(e.factId(), e.factType(), null);
        }
    }

    /** Corrects one recorded fact of a dialogue to {@code content}, or retracts it (no content). */
    private void change(String dialogueId, String factType, CommitmentEvent content) {
        Dialogue d = dialogues.get(dialogueId);
        switch (factType) {
            case "DialogueRescheduled" -> {
                Step latest = latest(d.reschedules()).orElseThrow();
                List<Step> reschedules = new ArrayList<>(d.reschedules());
                reschedules.set(reschedules.lastIndexOf(latest), changed(latest, content));
                dialogues.put(dialogueId, d.with(List.copyOf(reschedules), d.held(), d.cancelled()));
            }
            case "DialogueHeld" -> dialogues.put(dialogueId, d.with(d.reschedules(), changed(d.held(), content),
                    d.cancelled()));
            case "DialogueCancelled" -> dialogues.put(dialogueId, d.with(d.reschedules(), d.held(),
                    changed(d.cancelled(), content)));
            default -> {
                Step scheduled = changed(new Step(d.scheduledOn(), d.scheduled()), content);
                dialogues.put(dialogueId, new Dialogue(scheduled.on(), scheduled.recorded(), d.reschedules(),
                        d.held(), d.cancelled()));
            }
        }
    }

    private static Step changed(Step step, CommitmentEvent content) {
        return content == null ? new Step(step.on(), step.recorded().retract())
                : new Step(content.occurredOn(), step.recorded().corrected(content));
    }

    @Override
    public Set<Class<? extends CommitmentEvent>> handledTypes() {
        return Set.of(DialogueScheduled.class, DialogueRescheduled.class, DialogueHeld.class, DialogueCancelled.class,
                FactCorrected.class, FactRetracted.class);
    }

    @Override
    public Set<Class<? extends CommitmentEvent>> ignoredTypes() {
        return Set.of(CommitmentAnnounced.class, CommitmentRevised.class, CommitmentFulfilled.class,
                CommitmentWithdrawn.class, FundsPledged.class, PledgeRevised.class, FundsObligated.class,
                FundsDisbursed.class, DisbursementReversed.class, FundsDeobligated.class, MilestoneSet.class,
                MilestoneAchieved.class, IndicatorDefined.class, ProgressMeasured.class, AgreementSigned.class,
                ProgressAssessed.class, EvidenceAttached.class);
    }
}
