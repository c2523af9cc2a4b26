package org.commitmenttracker.events.progress;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.value.Rating;

import java.time.LocalDate;

/** Revision 2 added {@code assessmentId}, so that an assessment can be corrected or retracted. */
@Revision("2")
public record ProgressAssessed(String commitmentId, String assessmentId, Rating rating, String rationale,
                               LocalDate assessedOn) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return assessedOn;
    }
}
