package org.commitmenttracker.events.funding;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

@Revision("1")
public record FundsObligated(String commitmentId, String obligationId, Money amount, LocalDate obligatedOn,
                             String implementingPartner) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return obligatedOn;
    }
}
