package org.commitmenttracker.events.funding;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

/** Revision 2 added {@code reference}, the accounting system's own number (may be null). */
@Revision("2")
public record FundsPledged(String commitmentId, String pledgeId, Money amount, LocalDate periodFrom, LocalDate periodTo,
                           String fundingSource, LocalDate occurredOn, @Nullable String reference)
        implements CommitmentEvent {
}
