package org.commitmenttracker.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

public record DisburseFunds(@TargetAggregateIdentifier String commitmentId,
        String disbursementId, Money amount, LocalDate disbursedOn, String recipient,
        String obligationId, String note, String reference, LocalDate today) implements CommitmentCommand {
}
