package org.commitmenttracker.events.dialogue;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;

import java.time.LocalDate;

/** {@code occurredOn} is the day the dialogue was agreed; {@code location} may be null. */
@Revision("1")
public record DialogueScheduled(String commitmentId, String dialogueId, String name, LocalDate plannedFrom,
                                LocalDate plannedTo, @Nullable String location, LocalDate occurredOn)
        implements CommitmentEvent {
}
