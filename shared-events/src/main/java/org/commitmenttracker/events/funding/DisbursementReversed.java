package org.commitmenttracker.events.funding;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

/** Carries the amount reversed, so that a reader needs no other event to know it. */
@Revision("1")
public record DisbursementReversed(String commitmentId, String disbursementId, Money amount, String reason,
                                   LocalDate reversedOn) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return reversedOn;
    }
}
