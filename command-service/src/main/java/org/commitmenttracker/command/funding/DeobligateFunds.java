package org.commitmenttracker.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

public record DeobligateFunds(@TargetAggregateIdentifier String commitmentId,
        String deobligationId, String obligationId, Money amount, LocalDate deobligatedOn, String reason,
        String reference, LocalDate today) implements CommitmentCommand {
}
