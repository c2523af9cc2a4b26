package org.commitmenttracker.events.progress;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record AgreementSigned(String commitmentId, String agreementId, String title, LocalDate signedOn,
                              List<String> signatories) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return signedOn;
    }
}
