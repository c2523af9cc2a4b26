package org.commitmenttracker.events.commitment;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;

import java.time.LocalDate;
import java.util.List;

/** Only the fields that changed are set; the others are null. */
@Revision("1")
public record CommitmentRevised(String commitmentId, String title, String summary, LocalDate dueBy,
                                List<String> leadAgencies, String reason, LocalDate occurredOn)
        implements CommitmentEvent {
}
