package org.commitmenttracker.command.progress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.time.LocalDate;

public record AttachEvidence(@TargetAggregateIdentifier String commitmentId,
        String evidenceId, String title, String url, String sha256, LocalDate capturedOn,
        LocalDate today) implements CommitmentCommand {
}
