package org.commitmenttracker.events.commitment;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;

import java.time.LocalDate;
import java.util.List;

/** Only the fields that changed are set; the others are null. */
@Revision("1")
public record CommitmentRevised(String commitmentId, @Nullable String title, @Nullable String summary,
                                @Nullable LocalDate dueBy, @Nullable List<String> leadAgencies, String reason,
                                LocalDate occurredOn) implements CommitmentEvent {
}
