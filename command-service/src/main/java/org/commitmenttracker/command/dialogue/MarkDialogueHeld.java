package org.commitmenttracker.command.dialogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.time.LocalDate;
import java.util.List;

public record MarkDialogueHeld(@TargetAggregateIdentifier String commitmentId,
        String dialogueId, LocalDate heldOn, String location, List<String> outcomes,
        String communiqueUrl, LocalDate today) implements CommitmentCommand {
}
