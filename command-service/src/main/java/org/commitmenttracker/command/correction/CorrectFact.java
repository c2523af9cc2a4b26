package org.commitmenttracker.command.correction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.correction.FactKind;

import java.time.LocalDate;

/** Put a recorded fact right: {@code content} is the whole fact as it should have been recorded. */
public record CorrectFact(@TargetAggregateIdentifier String commitmentId, FactKind factKind, String factId,
        CommitmentEvent content, String reason, LocalDate today) implements CommitmentCommand {
}
