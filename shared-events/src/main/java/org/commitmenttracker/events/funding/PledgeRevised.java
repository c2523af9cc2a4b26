package org.commitmenttracker.events.funding;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

@Revision("1")
public record PledgeRevised(String commitmentId, String pledgeId, Money newAmount, String reason, LocalDate occurredOn)
        implements CommitmentEvent {
}
