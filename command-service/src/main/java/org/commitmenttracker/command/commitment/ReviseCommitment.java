package org.commitmenttracker.command.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.time.LocalDate;
import java.util.List;

/** Only the fields to change are set. */
public record ReviseCommitment(@TargetAggregateIdentifier String commitmentId,
        String title, String summary, LocalDate dueBy, List<String> leadAgencies, String reason,
        LocalDate occurredOn, LocalDate today) implements CommitmentCommand {
}
