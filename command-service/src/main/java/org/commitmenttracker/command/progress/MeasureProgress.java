package org.commitmenttracker.command.progress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.math.BigDecimal;
import java.time.LocalDate;

public record MeasureProgress(@TargetAggregateIdentifier String commitmentId,
        String indicatorId, String measurementId, BigDecimal value, LocalDate measuredOn,
        String source, LocalDate today) implements CommitmentCommand {
}
