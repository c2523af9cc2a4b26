package org.commitmenttracker.command.progress;

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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.commitmenttracker.command.commitment.CommitmentRefused.conflict;
import static org.commitmenttracker.command.commitment.CommitmentRefused.unknown;

/**
 * Milestones, indicators and their measurements, agreements, assessments and evidence. A
 * milestone is achieved on or after it was set, a measurement taken on or after its indicator
 * was defined (domain.md "Two clocks").
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Progress implements FactState {

    private Map<String, Milestone> milestones = new LinkedHashMap<>();
    private Map<String, Dated> indicators = new LinkedHashMap<>();
    private Map<String, Measurement> measurements = new LinkedHashMap<>();
    private Map<String, Recorded> agreements = new LinkedHashMap<>();
    private Map<String, Recorded> assessments = new LinkedHashMap<>();
    private Map<String, Recorded> evidence = new LinkedHashMap<>();

    record Dated(LocalDate on, Recorded recorded) {
    }

    record Milestone(Dated set, Dated achieved) {
        boolean isAchieved() {
            return achieved != null && achieved.recorded().live();
        }
    }

    record Measurement(String indicatorId, Dated measured) {
    }

    public Recorded milestone(String milestoneId) {
        Milestone milestone = milestones.get(milestoneId);
        return milestone == null ? null : milestone.set().recorded();
    }

    public Recorded indicator(String indicatorId) {
        Dated indicator = indicators.get(indicatorId);
        return indicator == null ? null : indicator.recorded();
    }

    public Recorded measurement(String measurementId) {
        Measurement measurement = measurements.get(measurementId);
        return measurement == null ? null : measurement.measured().recorded();
    }

    public Recorded agreement(String agreementId) {
        return agreements.get(agreementId);
    }

    public Recorded assessment(String assessmentId) {
        return assessments.get(assessmentId);
    }

    public Recorded evidence(String evidenceId) {
        return evidence.get(evidenceId);
    }

    public void checkAchievement(MilestoneAchieved event) {
        Milestone milestone = milestones.get(event.milestoneId());
        if (milestone == null || !milestone.set().recorded().live()) {
            throw unknown("Milestone '" + event.milestoneId() + "' does not exist.");
        }
        if (milestone.isAchieved()) {
            throw conflict("Milestone '" + event.milestoneId() + "' has already been achieved.");
        }
        requireNothingBroken(with(event));
    }

    public void checkMeasurement(ProgressMeasured event) {
        Dated indicator = indicators.get(event.indicatorId());
        if (indicator == null || !indicator.recorded().live()) {
            throw unknown("Indicator '" + event.indicatorId() + "' does not exist.");
        }
        requireNothingBroken(with(event));
    }

    @Override
    public Set<FactKind> kinds() {
        return EnumSet.of(FactKind.MILESTONE, FactKind.INDICATOR, FactKind.MEASUREMENT, FactKind.AGREEMENT,
                FactKind.ASSESSMENT, FactKind.EVIDENCE);
    }

    @Override
    public Recorded recorded(FactKind kind, String factId, String factType) {
        return switch (kind) {
            case MILESTONE -> {
                Milestone milestone = milestones.get(factId);
                if (milestone == null) {
                    yield null;
                }
                Dated fact = "MilestoneAchieved".equals(factType) ? milestone.achieved() : milestone.set();
                yield fact == null ? null : fact.recorded();
            }
            case INDICATOR -> indicator(factId);
            case MEASUREMENT -> measurement(factId);
            case AGREEMENT -> agreement(factId);
            case ASSESSMENT -> assessment(factId);
            case EVIDENCE -> evidence(factId);
            default -> null;
        };
    }

    @Override
    public void checkCorrection(FactCorrected correction) {
        if (correction.content() instanceof ProgressMeasured m && indicators.get(m.indicatorId()) == null) {
            throw unknown("Indicator '" + m.indicatorId() + "' does not exist.");
        }
        if (correction.content() instanceof ProgressMeasured m && !m.measurementId().equals(correction.factId())) {
            throw conflict("A correction keeps the measurement's id.");
        }
        requireNothingBroken(with(correction));
    }

    /** A milestone set and since achieved, or an indicator with measurements standing, is retracted after those. */
    @Override
    public void checkRetraction(FactRetracted retraction) {
        String id = retraction.factId();
        if (retraction.factType().equals("MilestoneSet") && milestones.get(id).isAchieved()) {
            throw conflict("Milestone '" + id + "' was since achieved; retract the achievement first.");
        }
        if (retraction.factKind() == FactKind.INDICATOR && measurements.values().stream()
                .anyMatch(m -> m.indicatorId().equals(id) && m.measured().recorded().live())) {
            throw conflict("Indicator '" + id + "' has measurements; retract them first.");
        }
        requireNothingBroken(with(retraction));
    }

    @Override
    public List<String> violations() {
        List<String> broken = new ArrayList<>();
        milestones.forEach((id, milestone) -> {
            if (milestone.set().recorded().live() && milestone.isAchieved()
                    && milestone.achieved().on().isBefore(milestone.set().on())) {
                broken.add("Milestone '" + id + "' would be achieved on " + milestone.achieved().on()
                        + ", before it was set on " + milestone.set().on() + "; a fact never precedes the fact it "
                        + "depends on (if the earlier fact's date is wrong, correct it first).");
            }
        });
        measurements.forEach((id, measurement) -> {
            Dated indicator = indicators.get(measurement.indicatorId());
            if (!measurement.measured().recorded().live()) {
                return;
            }
            if (indicator == null || !indicator.recorded().live()) {
                broken.add("Indicator '" + measurement.indicatorId() + "' does not exist.");
                return;
            }
            if (measurement.measured().on().isBefore(indicator.on())) {
                broken.add("Measurement '" + id + "' on " + measurement.measured().on()
                        + " would precede the definition of indicator '" + measurement.indicatorId() + "' on "
                        + indicator.on() + "; a fact never precedes the fact it depends on (if the earlier fact's "
                        + "date is wrong, correct it first).");
            }
        });
        return broken;
    }

    // --- what the events did: assignments only ---

    private Progress with(CommitmentEvent event) {
        Progress next = new Progress();
        next.milestones = new LinkedHashMap<>(milestones);
        next.indicators = new LinkedHashMap<>(indicators);
        next.measurements = new LinkedHashMap<>(measurements);
        next.agreements = new LinkedHashMap<>(agreements);
        next.assessments = new LinkedHashMap<>(assessments);
        next.evidence = new LinkedHashMap<>(evidence);
        next.evolve(event, Long.MAX_VALUE, null);
        return next;
    }

    @Override
    public void evolve(CommitmentEvent event, long version, String eventId) {
        if (event instanceof MilestoneSet e) {
            milestones.put(e.milestoneId(), new Milestone(new Dated(e.occurredOn(), Recorded.first(e, version, eventId)),
                    null));
        } else if (event instanceof MilestoneAchieved e) {
            milestones.put(e.milestoneId(), new Milestone(milestones.get(e.milestoneId()).set(),
                    new Dated(e.achievedOn(), Recorded.first(e, version, eventId))));
        } else if (event instanceof IndicatorDefined e) {
            indicators.put(e.indicatorId(), new Dated(e.occurredOn(), Recorded.first(e, version, eventId)));
        } else if (event instanceof ProgressMeasured e) {
            measurements.put(e.measurementId(), new Measurement(e.indicatorId(),
                    new Dated(e.measuredOn(), Recorded.first(e, version, eventId))));
        } else if (event instanceof AgreementSigned e) {
            agreements.put(e.agreementId(), Recorded.first(e, version, eventId));
        } else if (event instanceof ProgressAssessed e) {
            assessments.put(e.assessmentId(), Recorded.first(e, version, eventId));
        } else if (event instanceof EvidenceAttached e) {
            evidence.put(e.evidenceId(), Recorded.first(e, version, eventId));
        } else if (event instanceof FactCorrected e && kinds().contains(e.factKind())) {
            change(e.factKind(), e.factId(), e.factType(), e.content());
        } else if (event instanceof FactRetracted e && kinds().contains(e.factKind())) {
            change(e.factKind(), e.factId(), e.factType(), null);
        }
    }

    /** Corrects one recorded fact to {@code content}, or retracts it (no content). */
    private void change(FactKind kind, String id, String factType, CommitmentEvent content) {
        switch (kind) {
            case MILESTONE -> {
                Milestone m = milestones.get(id);
                milestones.put(id, "MilestoneAchieved".equals(factType)
                        ? new Milestone(m.set(), changed(m.achieved(), content))
                        : new Milestone(changed(m.set(), content), m.achieved()));
            }
            case INDICATOR -> indicators.put(id, changed(indicators.get(id), content));
            case MEASUREMENT -> {
                Measurement m = measurements.get(id);
                String indicatorId = content instanceof ProgressMeasured c ? c.indicatorId() : m.indicatorId();
                measurements.put(id, new Measurement(indicatorId, changed(m.measured(), content)));
            }
            case AGREEMENT -> agreements.put(id, changed(agreements.get(id), content));
            case ASSESSMENT -> assessments.put(id, changed(assessments.get(id), content));
            case EVIDENCE -> evidence.put(id, changed(evidence.get(id), content));
            default -> throw new IllegalArgumentException("Progress keeps no " + kind.json() + ".");
        }
    }

    private static Dated changed(Dated fact, CommitmentEvent content) {
        return content == null ? new Dated(fact.on(), fact.recorded().retract())
                : new Dated(content.occurredOn(), fact.recorded().corrected(content));
    }

    private static Recorded changed(Recorded fact, CommitmentEvent content) {
        return content == null ? fact.retract() : fact.corrected(content);
    }

    @Override
    public Set<Class<? extends CommitmentEvent>> handledTypes() {
        return Set.of(MilestoneSet.class, MilestoneAchieved.class, IndicatorDefined.class, ProgressMeasured.class,
                AgreementSigned.class, ProgressAssessed.class, EvidenceAttached.class, FactCorrected.class,
                FactRetracted.class);
    }

    @Override
    public Set<Class<? extends CommitmentEvent>> ignoredTypes() {
        return Set.of(CommitmentAnnounced.class, CommitmentRevised.class, CommitmentFulfilled.class,
                CommitmentWithdrawn.class, DialogueScheduled.class, DialogueRescheduled.class, DialogueHeld.class,
                DialogueCancelled.class, FundsPledged.class, PledgeRevised.class, FundsObligated.class,
                FundsDisbursed.class, DisbursementReversed.class, FundsDeobligated.class);
    }
}
