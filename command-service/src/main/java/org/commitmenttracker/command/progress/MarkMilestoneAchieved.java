package org.commitmenttracker.command.progress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.time.LocalDate;

public record MarkMilestoneAchieved(@TargetAggregateIdentifier String commitmentId,
        String milestoneId, LocalDate achievedOn, String note, LocalDate today) implements CommitmentCommand {
}
