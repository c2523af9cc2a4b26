package org.commitmenttracker.command.progress.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.command.progress.AssessProgress;
import org.commitmenttracker.command.progress.AttachEvidence;
import org.commitmenttracker.command.progress.DefineIndicator;
import org.commitmenttracker.command.progress.MarkMilestoneAchieved;
import org.commitmenttracker.command.progress.MeasureProgress;
import org.commitmenttracker.command.progress.SetMilestone;
import org.commitmenttracker.command.progress.SignAgreement;
import org.commitmenttracker.events.value.Rating;
import org.commitmenttracker.service.web.PlainText;
import org.commitmenttracker.service.web.Slug;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies of the milestone, indicator, agreement, assessment and evidence endpoints (api.md). */
final class ProgressRequests {

    private static final String URL = "https?://\\S+";
    private static final String URL_MESSAGE = "must be an http(s) URL";

    private ProgressRequests() {
    }

    record Milestone(@Slug String milestoneId, @NotBlank @Size(max = 2000) @PlainText(multiline = true) String description,
                     @NotNull LocalDate dueBy, LocalDate occurredOn) {
        SetMilestone toCommand(String commitmentId, LocalDate today) {
            return new SetMilestone(commitmentId, orNewId(milestoneId), description, dueBy, occurredOn, today);
        }
    }

    record Achievement(@NotNull LocalDate achievedOn, @Size(max = 5000) @PlainText(multiline = true) String note) {
        MarkMilestoneAchieved toCommand(String commitmentId, String milestoneId, LocalDate today) {
            return new MarkMilestoneAchieved(commitmentId, milestoneId, achievedOn, note, today);
        }
    }

    record Indicator(@Slug String indicatorId, @NotBlank @Size(max = 300) @PlainText String name,
                     @NotBlank @Size(max = 100) @PlainText String unit,
                     @NotNull @Digits(integer = 15, fraction = 4) BigDecimal baseline,
                     @NotNull @Digits(integer = 15, fraction = 4) BigDecimal target,
                     LocalDate targetDate, LocalDate occurredOn) {
        DefineIndicator toCommand(String commitmentId, LocalDate today) {
            return new DefineIndicator(commitmentId, orNewId(indicatorId), name, unit, baseline, target, targetDate,
                    occurredOn, today);
        }
    }

    record Measurement(@Slug String measurementId, @NotNull @Digits(integer = 15, fraction = 4) BigDecimal value,
                       @NotNull LocalDate measuredOn, @NotBlank @Size(max = 300) @PlainText String source) {
        MeasureProgress toCommand(String commitmentId, String indicatorId, LocalDate today) {
            return new MeasureProgress(commitmentId, indicatorId, orNewId(measurementId), value, measuredOn, source, today);
        }
    }

    record Agreement(@Slug String agreementId, @NotBlank @Size(max = 500) @PlainText String title,
                     @NotNull LocalDate signedOn,
                     @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 300) @PlainText String> signatories) {
        SignAgreement toCommand(String commitmentId, LocalDate today) {
            return new SignAgreement(commitmentId, orNewId(agreementId), title, signedOn, List.copyOf(signatories), today);
        }
    }

    record Assessment(@Slug String assessmentId, @NotNull Rating rating,
                      @NotBlank @Size(max = 5000) @PlainText(multiline = true) String rationale,
                      @NotNull LocalDate assessedOn) {
        AssessProgress toCommand(String commitmentId, LocalDate today) {
            return new AssessProgress(commitmentId, orNewId(assessmentId), rating, rationale, assessedOn, today);
        }
    }

    record Evidence(@Slug String evidenceId, @NotBlank @Size(max = 500) @PlainText String title,
                    @NotBlank @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE) @PlainText String url,
                    @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String sha256,
                    @NotNull LocalDate capturedOn) {
        AttachEvidence toCommand(String commitmentId, LocalDate today) {
            return new AttachEvidence(commitmentId, orNewId(evidenceId), title, url, sha256, capturedOn, today);
        }
    }

    private static String orNewId(String id) {
        return id != null ? id : UUID.randomUUID().toString();
    }
}
