package org.commitmenttracker.query.funding;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.funding.PledgeRevised;
import org.commitmenttracker.query.funding.FundingLedger.Entry;
import org.commitmenttracker.query.funding.FundingLedger.Kind;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.springframework.stereotype.Component;

/**
 * Builds the funding ledger. Every event of a commitment advances its version (so that
 * {@code ?minVersion=} works for any version); the funding events also add their entry.
 */
@Component
@ProcessingGroup(LedgerProjection.NAME)
class LedgerProjection {

    static final String NAME = "ledger";

    private final LedgerReadModel readModel;
    private final AppliedVersions versions;

    LedgerProjection(LedgerReadModel readModel, AppliedVersions versions) {
        this.readModel = readModel;
        this.versions = versions;
    }

    @EventHandler
    void on(CommitmentEvent event, @SequenceNumber long sequenceNumber) {
        String id = event.commitmentId();
        long version = sequenceNumber + 1;
        versions.apply(NAME, id, version, startOver -> {
            if (startOver) {
                readModel.delete(id);
            }
            Entry entry = entry(event, version);
            if (entry != null) {
                readModel.add(id, entry);
            }
        });
    }

    private Entry entry(CommitmentEvent event, long version) {
        if (event instanceof FundsPledged e) {
            return new Entry(version, Kind.PLEDGE, e.occurredOn(), e.amount(), e.pledgeId(), e.fundingSource(), null,
                    null);
        } else if (event instanceof PledgeRevised e) {
            return new Entry(version, Kind.PLEDGE_REVISION, e.occurredOn(), e.newAmount(), e.pledgeId(), null, null,
                    e.reason());
        } else if (event instanceof FundsObligated e) {
            return new Entry(version, Kind.OBLIGATION, e.obligatedOn(), e.amount(), e.obligationId(),
                    e.implementingPartner(), e.obligationId(), null);
        } else if (event instanceof FundsDisbursed e) {
            return new Entry(version, Kind.DISBURSEMENT, e.disbursedOn(), e.amount(), e.disbursementId(),
                    e.recipient(), e.obligationId(), e.note());
        } else if (event instanceof DisbursementReversed e) {
            return new Entry(version, Kind.REVERSAL, e.reversedOn(), e.amount(), e.disbursementId(),
                    readModel.recipient(e.commitmentId(), e.disbursementId()).orElse(null), null, e.reason());
        }
        return null;
    }

    @ResetHandler
    void reset() {
        versions.startOver(NAME);
    }
}
