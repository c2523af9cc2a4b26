package org.commitmenttracker.command.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Source;

import java.time.LocalDate;
import java.util.List;

/** {@code today} is the day the system received the command, in UTC. */
public record AnnounceCommitment(@TargetAggregateIdentifier String commitmentId,
        String title, String summary,
        Category category, List<String> parties, List<String> leadAgencies,
        LocalDate announcedOn, Source source, LocalDate dueBy, LocalDate today)
        implements CommitmentCommand {
}
