package org.commitmenttracker.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.time.LocalDate;

public record ReverseDisbursement(@TargetAggregateIdentifier String commitmentId,
        String disbursementId, String reason, LocalDate reversedOn, String reference, LocalDate today) implements CommitmentCommand {
}
