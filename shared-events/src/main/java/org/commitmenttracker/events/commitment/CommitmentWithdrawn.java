package org.commitmenttracker.events.commitment;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;

import java.time.LocalDate;

@Revision("1")
public record CommitmentWithdrawn(String commitmentId, LocalDate withdrawnOn, String reason) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return withdrawnOn;
    }
}
