package org.commitmenttracker.events.commitment;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;

import java.time.LocalDate;

@Revision("1")
public record CommitmentFulfilled(String commitmentId, LocalDate fulfilledOn, String summary) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return fulfilledOn;
    }
}
