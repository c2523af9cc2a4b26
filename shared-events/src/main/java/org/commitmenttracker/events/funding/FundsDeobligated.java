package org.commitmenttracker.events.funding;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

/** Unspent obligated money released from its obligation; {@code reference} may be null. */
@Revision("1")
public record FundsDeobligated(String commitmentId, String deobligationId, String obligationId, Money amount,
                               LocalDate deobligatedOn, String reason, @Nullable String reference)
        implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return deobligatedOn;
    }
}
