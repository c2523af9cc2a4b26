package org.commitmenttracker.query.commitment;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.events.value.Rating;
import org.commitmenttracker.events.value.Source;
import org.commitmenttracker.query.funding.Total;

/**
 * Everything known about one commitment, as {@code GET /api/commitments/{id}} shows it.
 * A view of the {@link FoldedCommitment} that {@link CommitmentFold} folds from the commitment's events. Decimals are written as
 * strings, like every figure in the events, so that no client parses them as floating point.
 *
 * <p>{@code overdue} depends on the day it is read, so the folded (stored) state always holds
 * {@code false}; the read path answers {@link #withOverdue(LocalDate)}.
 */
public record CommitmentDetail(String id, String title, String summary, Category category, List<String> parties,
                               List<String> leadAgencies, LocalDate announcedOn, LocalDate dueBy, Status status,
                               boolean overdue, Rating rating, long version, LocalDate lastActivityOn, Source source,
                               Funding funding, List<Pledge> pledges, List<Dialogue> dialogues,
                               List<Milestone> milestones, List<Indicator> indicators, List<Agreement> agreements,
                               List<Evidence> evidence) {

    public enum Status { ANNOUNCED, IN_PROGRESS, FULFILLED, WITHDRAWN }

    public enum DialogueStatus { SCHEDULED, HELD, CANCELLED }

    public enum MilestoneStatus { OPEN, ACHIEVED }

    public CommitmentDetail {
        parties = copy(parties);
        leadAgencies = copy(leadAgencies);
        pledges = copy(pledges);
        dialogues = copy(dialogues);
        milestones = copy(milestones);
        indicators = copy(indicators);
        agreements = copy(agreements);
        evidence = copy(evidence);
    }

    /** A copy whose {@code overdue} says whether, on {@code today}, a due date has passed while still open. */
    public CommitmentDetail withOverdue(LocalDate today) {
        boolean open = status != Status.FULFILLED && status != Status.WITHDRAWN;
        boolean pastDue = isBefore(dueBy, today) || milestones.stream()
                .anyMatch(m -> m.status() == MilestoneStatus.OPEN && isBefore(m.dueBy(), today));
        return new CommitmentDetail(id, title, summary, category, parties, leadAgencies, announcedOn, dueBy, status,
                open && pastDue, rating, version, lastActivityOn, source, funding, pledges, dialogues, milestones,
                indicators, agreements, evidence);
    }

    /** The earliest date by which something is due while the commitment is open (what makes it overdue); null once closed. */
    @JsonIgnore
    public LocalDate nextDueBy() {
        if (status == Status.FULFILLED || status == Status.WITHDRAWN) {
            return null;
        }
        LocalDate earliest = dueBy;
        for (Milestone milestone : milestones) {
            if (milestone.status() == MilestoneStatus.OPEN && milestone.dueBy() != null
                    && (earliest == null || milestone.dueBy().isBefore(earliest))) {
                earliest = milestone.dueBy();
            }
        }
        return earliest;
    }

    /** Totals in the currency of the first pledge; {@code disbursed} is net of reversals. */
    public record Funding(String currency, Total pledged, Total obligated, Total disbursed, Total reversed,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal disbursedPercent) {
    }

    public record Pledge(String pledgeId, Money amount, LocalDate periodFrom, LocalDate periodTo,
                         String fundingSource) {
    }

    public record Dialogue(String dialogueId, String name, DialogueStatus status, LocalDate plannedFrom,
                           LocalDate plannedTo, LocalDate heldOn, String location, List<String> outcomes,
                           String communiqueUrl) {
        public Dialogue {
            outcomes = copy(outcomes);
        }

        /** The first day the dialogue occupies: its held day once held, else its planned start. */
        @JsonIgnore
        public LocalDate startsOn() {
            return status == DialogueStatus.HELD ? heldOn : plannedFrom;
        }

        /** The last day it occupies: its held day once held, else its planned end (its start for one day). */
        @JsonIgnore
        public LocalDate endsOn() {
            return status == DialogueStatus.HELD ? heldOn : plannedTo != null ? plannedTo : plannedFrom;
        }
    }

    public record Milestone(String milestoneId, String description, LocalDate dueBy, MilestoneStatus status,
                            LocalDate achievedOn) {
    }

    /** {@code latest} and {@code progressPercent} are null until the first measurement. */
    public record Indicator(String indicatorId, String name, String unit,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal baseline,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal target,
                            LocalDate targetDate, Measurement latest,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal progressPercent) {
    }

    public record Measurement(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value, LocalDate measuredOn) {
    }

    public record Agreement(String agreementId, String title, LocalDate signedOn, List<String> signatories) {
        public Agreement {
            signatories = copy(signatories);
        }
    }

    public record Evidence(String evidenceId, String title, String url, String sha256, LocalDate capturedOn) {
    }

    private static boolean isBefore(LocalDate date, LocalDate today) {
        return date != null && today != null && date.isBefore(today);
    }

    /** An unmodifiable copy; tolerates a missing list and null elements, as the fold must never throw. */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
