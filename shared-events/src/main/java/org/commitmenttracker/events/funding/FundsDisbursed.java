package org.commitmenttracker.events.funding;

import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.Nullable;
import org.commitmenttracker.events.value.Money;

import java.time.LocalDate;

/** {@code obligationId}, {@code note} and {@code reference} (revision 2, e.g. the voucher number) may be null. */
@Revision("2")
public record FundsDisbursed(String commitmentId, String disbursementId, Money amount, LocalDate disbursedOn,
                             String recipient, @Nullable String obligationId, @Nullable String note,
                             @Nullable String reference) implements CommitmentEvent {
    @Override
    public LocalDate occurredOn() {
        return disbursedOn;
    }
}
