package org.commitmenttracker.events.progress;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;

import java.time.LocalDate;

/** {@code sha256} (hex) may be null. */
@Revision("1")
public record EvidenceAttached(String commitmentId, String evidenceId, String title, String url,
                               @Nullable String sha256, LocalDate capturedOn) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return capturedOn;
    }
}
