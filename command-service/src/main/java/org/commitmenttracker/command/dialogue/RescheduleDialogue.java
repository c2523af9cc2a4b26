package org.commitmenttracker.command.dialogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.time.LocalDate;

public record RescheduleDialogue(@TargetAggregateIdentifier String commitmentId,
        String dialogueId, LocalDate plannedFrom, LocalDate plannedTo, String reason,
        LocalDate occurredOn, LocalDate today) implements CommitmentCommand {
}
