package org.commitmenttracker.command.dialogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.time.LocalDate;

public record CancelDialogue(@TargetAggregateIdentifier String commitmentId,
        String dialogueId, String reason, LocalDate occurredOn, LocalDate today) implements CommitmentCommand {
}
