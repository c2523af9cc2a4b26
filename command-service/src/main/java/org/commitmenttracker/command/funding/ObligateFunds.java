package org.commitmenttracker.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

public record ObligateFunds(@TargetAggregateIdentifier String commitmentId,
        String obligationId, Money amount, LocalDate obligatedOn, String implementingPartner,
        String reference, LocalDate today) implements CommitmentCommand {
}
