package org.commitmenttracker.events.funding;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

/** {@code obligationId} and {@code note} may be null. */
@Revision("1")
public record FundsDisbursed(String commitmentId, String disbursementId, Money amount, LocalDate disbursedOn,
                             String recipient, @Nullable String obligationId, @Nullable String note)
        implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return disbursedOn;
    }
}
