package org.commitmenttracker.events.funding;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

/**
 * Real money came back. Carries the amount reversed and (revision 2) the obligation the
 * disbursement drew on, so that a reader needs no other event to know them; {@code obligationId}
 * is null for a disbursement that named none and for events recorded before revision 2.
 */
@Revision("2")
public record DisbursementReversed(String commitmentId, String disbursementId, Money amount, String reason,
                                   LocalDate reversedOn, @Nullable String obligationId, @Nullable String reference)
        implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return reversedOn;
    }
}
