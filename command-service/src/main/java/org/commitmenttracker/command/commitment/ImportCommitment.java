package org.commitmenttracker.command.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.util.List;

/**
 * One commitment of a fact sheet: its announcement (unless it was announced before) and the
 * facts the sheet states, in one command so that all of them are recorded or none.
 */
public record ImportCommitment(@TargetAggregateIdentifier String commitmentId, AnnounceCommitment announcement,
                               List<CommitmentCommand> facts) implements CommitmentCommand {
}
