package org.commitmenttracker.command.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.time.LocalDate;

public record FulfilCommitment(@TargetAggregateIdentifier String commitmentId,
        LocalDate fulfilledOn, String summary, LocalDate today) implements CommitmentCommand {
}
