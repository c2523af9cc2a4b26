package org.commitmenttracker.events.progress;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.value.Rating;

import java.time.LocalDate;

@Revision("1")
public record ProgressAssessed(String commitmentId, Rating rating, String rationale, LocalDate assessedOn)
        implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return assessedOn;
    }
}
