package org.commitmenttracker.events.progress;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;

import java.time.LocalDate;

@Revision("1")
public record MilestoneSet(String commitmentId, String milestoneId, String description, LocalDate dueBy,
                           LocalDate occurredOn) implements CommitmentEvent {
}
