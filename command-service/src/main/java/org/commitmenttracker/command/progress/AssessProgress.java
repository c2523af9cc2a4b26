package org.commitmenttracker.command.progress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import org.commitmenttracker.events.value.Rating;

import java.time.LocalDate;

public record AssessProgress(@TargetAggregateIdentifier String commitmentId,
        String assessmentId, Rating rating, String rationale, LocalDate assessedOn, LocalDate today) implements CommitmentCommand {
}
