package org.commitmenttracker.command.correction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;
import org.commitmenttracker.events.correction.FactKind;

import java.time.LocalDate;

/** Say that a recorded fact was entered in error and never happened; {@code factType} names which event of it. */
public record RetractFact(@TargetAggregateIdentifier String commitmentId, FactKind factKind, String factId,
        String factType, String reason, LocalDate today) implements CommitmentCommand {
}
