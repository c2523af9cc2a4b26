package org.commitmenttracker.events.progress;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

@Revision("1")
public record ProgressMeasured(String commitmentId, String indicatorId, String measurementId,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value,
                               LocalDate measuredOn, String source) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return measuredOn;
    }
}
