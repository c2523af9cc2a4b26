package org.commitmenttracker.command.dialogue.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.command.dialogue.CancelDialogue;
import org.commitmenttracker.command.dialogue.MarkDialogueHeld;
import org.commitmenttracker.command.dialogue.RescheduleDialogue;
import org.commitmenttracker.command.dialogue.ScheduleDialogue;
import org.commitmenttracker.service.web.PlainText;
import org.commitmenttracker.service.web.Slug;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies of the dialogue endpoints (api.md). */
final class DialogueRequests {

    private DialogueRequests() {
    }

    record Schedule(@Slug String dialogueId, @NotBlank @Size(max = 300) @PlainText String name,
                    @NotNull LocalDate plannedFrom, @NotNull LocalDate plannedTo,
                    @Size(max = 300) @PlainText String location, LocalDate occurredOn) {
        ScheduleDialogue toCommand(String commitmentId, LocalDate today) {
            return new ScheduleDialogue(commitmentId, dialogueId != null ? dialogueId : UUID.randomUUID().toString(),
                    name, plannedFrom, plannedTo, location, occurredOn, today);
        }
    }

    record Reschedule(@NotNull LocalDate plannedFrom, @NotNull LocalDate plannedTo,
                      @NotBlank @Size(max = 5000) @PlainText(multiline = true) String reason, LocalDate occurredOn) {
        RescheduleDialogue toCommand(String commitmentId, String dialogueId, LocalDate today) {
            return new RescheduleDialogue(commitmentId, dialogueId, plannedFrom, plannedTo, reason, occurredOn, today);
        }
    }

    record Held(@NotNull LocalDate heldOn, @NotBlank @Size(max = 300) @PlainText String location,
                @Size(max = 100) List<@NotBlank @Size(max = 2000) @PlainText(multiline = true) String> outcomes,
                @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @PlainText String communiqueUrl) {
        MarkDialogueHeld toCommand(String commitmentId, String dialogueId, LocalDate today) {
            return new MarkDialogueHeld(commitmentId, dialogueId, heldOn, location,
                    outcomes == null ? List.of() : List.copyOf(outcomes), communiqueUrl, today);
        }
    }

    record Cancel(@NotBlank @Size(max = 5000) @PlainText(multiline = true) String reason, LocalDate occurredOn) {
        CancelDialogue toCommand(String commitmentId, String dialogueId, LocalDate today) {
            return new CancelDialogue(commitmentId, dialogueId, reason, occurredOn, today);
        }
    }
}
