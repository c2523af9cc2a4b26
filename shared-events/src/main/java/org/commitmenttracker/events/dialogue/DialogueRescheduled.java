package org.commitmenttracker.events.dialogue;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;

import java.time.LocalDate;

@Revision("1")
public record DialogueRescheduled(String commitmentId, String dialogueId, LocalDate plannedFrom, LocalDate plannedTo,
                                  String reason, LocalDate occurredOn) implements CommitmentEvent {
}
