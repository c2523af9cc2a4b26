package org.commitmenttracker.command.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.time.LocalDate;

public record WithdrawCommitment(@TargetAggregateIdentifier String commitmentId,
        LocalDate withdrawnOn, String reason, LocalDate today) implements CommitmentCommand {
}
