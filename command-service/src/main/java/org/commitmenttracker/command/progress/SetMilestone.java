package org.commitmenttracker.command.progress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.time.LocalDate;

public record SetMilestone(@TargetAggregateIdentifier String commitmentId,
        String milestoneId, String description, LocalDate dueBy, LocalDate occurredOn,
        LocalDate today) implements CommitmentCommand {
}
