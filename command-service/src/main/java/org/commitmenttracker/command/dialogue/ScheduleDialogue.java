package org.commitmenttracker.command.dialogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.time.LocalDate;

public record ScheduleDialogue(@TargetAggregateIdentifier String commitmentId,
        String dialogueId, String name, LocalDate plannedFrom, LocalDate plannedTo,
        String location, LocalDate occurredOn, LocalDate today) implements CommitmentCommand {
}
