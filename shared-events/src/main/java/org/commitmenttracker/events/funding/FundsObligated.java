package org.commitmenttracker.events.funding;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

/** Revision 2 added {@code reference}, e.g. the award number as the accounting system writes it (may be null). */
@Revision("2")
public record FundsObligated(String commitmentId, String obligationId, Money amount, LocalDate obligatedOn,
                             String implementingPartner, @Nullable String reference) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return obligatedOn;
    }
}
