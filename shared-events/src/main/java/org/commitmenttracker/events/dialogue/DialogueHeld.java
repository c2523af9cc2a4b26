package org.commitmenttracker.events.dialogue;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record DialogueHeld(String commitmentId, String dialogueId, LocalDate heldOn, String location,
                           List<String> outcomes, @Nullable String communiqueUrl) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return heldOn;
    }
}
