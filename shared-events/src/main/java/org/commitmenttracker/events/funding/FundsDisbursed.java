package org.commitmenttracker.events.funding;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

/** {@code obligationId} and {@code note} may be null. */
@Revision("1")
public record FundsDisbursed(String commitmentId, String disbursementId, Money amount, LocalDate disbursedOn,
                             String recipient, String obligationId, String note) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return disbursedOn;
    }
}
