package org.commitmenttracker.events.progress;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code targetDate} may be null. Figures are decimals written as strings. */
@Revision("1")
public record IndicatorDefined(String commitmentId, String indicatorId, String name, String unit,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal baseline,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal target,
                               @Nullable LocalDate targetDate, LocalDate occurredOn) implements CommitmentEvent {
}
