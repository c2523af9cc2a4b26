package org.commitmenttracker.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

public record PledgeFunds(@TargetAggregateIdentifier String commitmentId,
        String pledgeId, Money amount, LocalDate periodFrom, LocalDate periodTo,
        String fundingSource, LocalDate occurredOn, String reference, LocalDate today) implements CommitmentCommand {
}
