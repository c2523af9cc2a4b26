package org.commitmenttracker.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

public record RevisePledge(@TargetAggregateIdentifier String commitmentId,
        String pledgeId, Money newAmount, String reason, LocalDate occurredOn, String reference, LocalDate today) implements CommitmentCommand {
}
