package org.commitmenttracker.command.progress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.time.LocalDate;
import java.util.List;

public record SignAgreement(@TargetAggregateIdentifier String commitmentId,
        String agreementId, String title, LocalDate signedOn, List<String> signatories,
        LocalDate today) implements CommitmentCommand {
}
