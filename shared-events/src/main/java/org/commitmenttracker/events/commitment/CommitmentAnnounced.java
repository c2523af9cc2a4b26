package org.commitmenttracker.events.commitment;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Source;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record CommitmentAnnounced(String commitmentId, String title, String summary, Category category,
                                  List<String> parties, List<String> leadAgencies, LocalDate announcedOn,
                                  Source source, @Nullable LocalDate dueBy) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return announcedOn;
    }
}
