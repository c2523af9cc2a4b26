package org.commitmenttracker.events.funding;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

/** Revision 2 added {@code reference} (may be null). */
@Revision("2")
public record PledgeRevised(String commitmentId, String pledgeId, Money newAmount, String reason, LocalDate occurredOn,
                            @Nullable String reference) implements CommitmentEvent {
}
