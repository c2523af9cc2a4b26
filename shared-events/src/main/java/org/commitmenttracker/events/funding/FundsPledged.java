package org.commitmenttracker.events.funding;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

@Revision("1")
public record FundsPledged(String commitmentId, String pledgeId, Money amount, LocalDate periodFrom, LocalDate periodTo,
                           String fundingSource, LocalDate occurredOn) implements CommitmentEvent {
}
