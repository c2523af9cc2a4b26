package org.commitmenttracker.query.commitment;

import static org.commitmenttracker.query.commitment.Lists.append;
import static org.commitmenttracker.query.commitment.Lists.contains;
import static org.commitmenttracker.query.commitment.Lists.orElse;
import static org.commitmenttracker.query.commitment.Lists.replace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.progress.AgreementSigned;
import org.commitmenttracker.events.progress.EvidenceAttached;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.commitmenttracker.events.progress.MilestoneAchieved;
import org.commitmenttracker.events.progress.MilestoneSet;
import org.commitmenttracker.events.progress.ProgressAssessed;
import org.commitmenttracker.events.progress.ProgressMeasured;
import org.commitmenttracker.events.value.Rating;
import org.commitmenttracker.query.commitment.CommitmentDetail.Agreement;
import org.commitmenttracker.query.commitment.CommitmentDetail.Evidence;
import org.commitmenttracker.query.commitment.CommitmentDetail.Indicator;
import org.commitmenttracker.query.commitment.CommitmentDetail.Measurement;
import org.commitmenttracker.query.commitment.CommitmentDetail.Milestone;
import org.commitmenttracker.query.commitment.CommitmentDetail.MilestoneStatus;

/**
 * The progress part of a commitment's fold: milestones, indicators and their latest measurement,
 * agreements, evidence and the latest rating. A child id used again keeps its first record.
 */
public record ProgressPart(Rating rating, List<Milestone> milestones, List<Indicator> indicators,
                           List<Agreement> agreements, List<Evidence> evidence) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static final ProgressPart NONE = new ProgressPart(null, List.of(), List.of(), List.of(), List.of());

    public ProgressPart {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** This part after {@code event}; itself for any other event. */
    public ProgressPart apply(CommitmentEvent event) {
        if (event instanceof MilestoneSet e) {
            return contains(milestones, milestone(e.milestoneId())) ? this : withMilestones(append(milestones,
                    new Milestone(e.milestoneId(), e.description(), e.dueBy(), MilestoneStatus.OPEN, null)));
        } else if (event instanceof MilestoneAchieved e) {
            Predicate<Milestone> open = milestone(e.milestoneId()).and(x -> x.status() == MilestoneStatus.OPEN);
            return withMilestones(replace(milestones, open, x -> new Milestone(x.milestoneId(), x.description(),
                    x.dueBy(), MilestoneStatus.ACHIEVED, e.achievedOn())));
        } else if (event instanceof IndicatorDefined e) {
            return contains(indicators, indicator(e.indicatorId())) ? this : withIndicators(append(indicators,
                    new Indicator(e.indicatorId(), e.name(), e.unit(), e.baseline(), e.target(), e.targetDate(),
                            null, null)));
        } else if (event instanceof ProgressMeasured e) {
            return measured(e);
        } else if (event instanceof AgreementSigned e) {
            return contains(agreements, x -> Objects.equals(x.agreementId(), e.agreementId())) ? this
                    : new ProgressPart(rating, milestones, indicators, append(agreements,
                    new Agreement(e.agreementId(), e.title(), e.signedOn(), e.signatories())), evidence);
        } else if (event instanceof ProgressAssessed e) {
            return new ProgressPart(orElse(e.rating(), rating), milestones, indicators, agreements, evidence);
        } else if (event instanceof EvidenceAttached e) {
            return contains(evidence, x -> Objects.equals(x.evidenceId(), e.evidenceId())) ? this
                    : new ProgressPart(rating, milestones, indicators, agreements, append(evidence,
                    new Evidence(e.evidenceId(), e.title(), e.url(), e.sha256(), e.capturedOn())));
        }
        return this;
    }

    /** A measurement taken before the latest one (logged late) is history, not the latest figure. */
    private ProgressPart measured(ProgressMeasured e) {
        if (e.value() == null || e.measuredOn() == null) {
            return this;
        }
        Predicate<Indicator> notNewer = indicator(e.indicatorId())
                .and(x -> x.latest() == null || !e.measuredOn().isBefore(x.latest().measuredOn()));
        return withIndicators(replace(indicators, notNewer, x -> new Indicator(x.indicatorId(), x.name(), x.unit(),
                x.baseline(), x.target(), x.targetDate(), new Measurement(e.value(), e.measuredOn()),
                progressPercent(x.baseline(), x.target(), e.value()))));
    }

    private static BigDecimal progressPercent(BigDecimal baseline, BigDecimal target, BigDecimal latest) {
        if (baseline == null || target == null || latest == null || target.compareTo(baseline) == 0) {
            return null;
        }
        return latest.subtract(baseline).multiply(HUNDRED)
                .divide(target.subtract(baseline), 1, RoundingMode.HALF_UP);
    }

    private ProgressPart withMilestones(List<Milestone> changed) {
        return new ProgressPart(rating, changed, indicators, agreements, evidence);
    }

    private ProgressPart withIndicators(List<Indicator> changed) {
        return new ProgressPart(rating, milestones, changed, agreements, evidence);
    }

    private static Predicate<Milestone> milestone(String milestoneId) {
        return x -> Objects.equals(x.milestoneId(), milestoneId);
    }

    private static Predicate<Indicator> indicator(String indicatorId) {
        return x -> Objects.equals(x.indicatorId(), indicatorId);
    }
}
