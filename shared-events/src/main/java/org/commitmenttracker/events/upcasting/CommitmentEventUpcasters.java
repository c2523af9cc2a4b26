package org.commitmenttracker.events.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.funding.PledgeRevised;
import org.commitmenttracker.events.progress.ProgressAssessed;

import java.util.List;

/**
 * Every step from an older revision of an event to the next (domain.md "Changing an event's
 * shape"); both services read the event store through this chain.
 */
public final class CommitmentEventUpcasters {

    private CommitmentEventUpcasters() {
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(
                AddedFields.nulls(FundsPledged.class, "1", "2", List.of("reference")),
                AddedFields.nulls(PledgeRevised.class, "1", "2", List.of("reference")),
                AddedFields.nulls(FundsObligated.class, "1", "2", List.of("reference")),
                AddedFields.nulls(FundsDisbursed.class, "1", "2", List.of("reference")),
                // Revision 1 did not keep the disbursement's obligation; the reader finds it on the disbursement.
                AddedFields.nulls(DisbursementReversed.class, "1", "2", List.of("obligationId", "reference")),
                // An assessment gets a stable id from its place in the stream, the same on every read.
                new AddedFields(ProgressAssessed.class, "1", "2", (json, event) -> json.put("assessmentId",
                        "assessment-" + event.getSequenceNumber().orElseThrow(() -> new IllegalStateException(
                                "A ProgressAssessed of revision 1 outside a commitment's stream")))));
    }
}
