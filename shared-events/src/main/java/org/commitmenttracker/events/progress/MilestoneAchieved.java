package org.commitmenttracker.events.progress;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;

import java.time.LocalDate;

@Revision("1")
public record MilestoneAchieved(String commitmentId, String milestoneId, LocalDate achievedOn, @Nullable String note)
        implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return achievedOn;
    }
}
