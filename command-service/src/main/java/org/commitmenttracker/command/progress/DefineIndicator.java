package org.commitmenttracker.command.progress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmenttracker.command.messaging.CommitmentCommand;

import java.math.BigDecimal;
import java.time.LocalDate;

public record DefineIndicator(@TargetAggregateIdentifier String commitmentId,
        String indicatorId, String name, String unit, BigDecimal baseline, BigDecimal target,
        LocalDate targetDate, LocalDate occurredOn, LocalDate today) implements CommitmentCommand {
}
