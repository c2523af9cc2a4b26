package org.commitmenttracker.events.dialogue;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;

import java.time.LocalDate;

@Revision("1")
public record DialogueCancelled(String commitmentId, String dialogueId, String reason, LocalDate occurredOn)
        implements CommitmentEvent {
}
