package org.commitmenttracker.query.commitment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDeobligated;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.funding.PledgeRevised;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.query.commitment.CommitmentDetail.Funding;
import org.commitmenttracker.query.commitment.CommitmentDetail.Pledge;
import org.commitmenttracker.query.funding.FundingLedger;
import org.commitmenttracker.query.funding.FundingLedger.Entry;
import org.commitmenttracker.query.funding.FundingLedger.Kind;
import org.commitmenttracker.query.funding.Total;

/**
 * The funding part of a commitment's fold: every funding fact as it was recorded, one
 * {@link Entry} each under its child id ({@code id}), and the terms of each pledge. It
 * keeps facts, never running totals: every total is {@link FundingLedger#of} over the facts,
 * the one rule the detail, the ledger, the dashboard and the state as of a day share. So a fact
 * put right or taken back is a fact replaced or removed here, and the totals follow.
 *
 * @param entries     the funding facts in the order recorded
 * @param pledgeTerms each pledge as first recorded (its amount as pledged; the current amount is the ledger's)
 */
public record FundingPart(List<Entry> entries, List<Pledge> pledgeTerms) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static final FundingPart NONE = new FundingPart(List.of(), List.of());

    public FundingPart {
        entries = entries == null ? List.of() : List.copyOf(entries);
        pledgeTerms = pledgeTerms == null ? List.of() : List.copyOf(pledgeTerms);
    }

    /** This part after {@code event}, the {@code version}-th of the stream; itself for any other event. */
    public FundingPart apply(CommitmentEvent event, long version) {
        if (event instanceof FundsPledged e) {
            List<Pledge> terms = pledgeTerms;
            if (e.amount() != null && pledgeTerms.stream().noneMatch(p -> Objects.equals(p.pledgeId(), e.pledgeId()))) {
                terms = append(pledgeTerms,
                        new Pledge(e.pledgeId(), e.amount(), e.periodFrom(), e.periodTo(), e.fundingSource()));
            }
            return new FundingPart(append(entries, new Entry(version, Kind.PLEDGE, e.occurredOn(), e.amount(),
                    e.pledgeId(), e.fundingSource(), null, null, e.reference())), terms);
        } else if (event instanceof PledgeRevised e) {
            return with(new Entry(version, Kind.PLEDGE_REVISION, e.occurredOn(), e.newAmount(), e.pledgeId(), null,
                    null, e.reason(), e.reference()));
        } else if (event instanceof FundsObligated e) {
            return with(new Entry(version, Kind.OBLIGATION, e.obligatedOn(), e.amount(), e.obligationId(),
                    e.implementingPartner(), e.obligationId(), null, e.reference()));
        } else if (event instanceof FundsDeobligated e) {
            return with(new Entry(version, Kind.DEOBLIGATION, e.deobligatedOn(), e.amount(), e.deobligationId(),
                    partnerOf(e.obligationId()), e.obligationId(), e.reason(), e.reference()));
        } else if (event instanceof FundsDisbursed e) {
            return with(new Entry(version, Kind.DISBURSEMENT, e.disbursedOn(), e.amount(), e.disbursementId(),
                    e.recipient(), e.obligationId(), e.note(), e.reference()));
        } else if (event instanceof DisbursementReversed e) {
            return with(new Entry(version, Kind.REVERSAL, e.reversedOn(), e.amount(), e.disbursementId(),
                    recipientOf(e.disbursementId()), e.obligationId(), e.reason(), e.reference()));
        }
        return this;
    }

    /** The ledger of these facts. */
    public FundingLedger ledger() {
        return FundingLedger.of(entries.stream().filter(e -> e.amount() != null).toList());
    }

    /** The detail's totals, from {@code ledger}; null before the first pledge. */
    static Funding funding(FundingLedger ledger) {
        if (ledger.currency() == null) {
            return null;
        }
        Total pledged = ledger.pledged();
        BigDecimal percent = pledged.value().signum() == 0
                ? BigDecimal.ZERO.setScale(1)
                : ledger.disbursed().value().multiply(HUNDRED).divide(pledged.value(), 1, RoundingMode.HALF_UP);
        return new Funding(ledger.currency(), pledged, ledger.obligated(), ledger.disbursed(), ledger.reversed(),
                percent);
    }

    /** The pledges the ledger counts, each at its current amount. */
    List<Pledge> pledges(FundingLedger ledger) {
        List<Pledge> pledges = new ArrayList<>();
        for (Pledge terms : pledgeTerms) {
            Money amount = ledger.pledgeAmounts().get(terms.pledgeId());
            if (amount != null) {
                pledges.add(new Pledge(terms.pledgeId(), amount, terms.periodFrom(), terms.periodTo(),
                        terms.fundingSource()));
            }
        }
        return pledges;
    }

    private String recipientOf(String disbursementId) {
        return counterpartOf(Kind.DISBURSEMENT, disbursementId);
    }

    private String partnerOf(String obligationId) {
        return counterpartOf(Kind.OBLIGATION, obligationId);
    }

    private String counterpartOf(Kind kind, String id) {
        return entries.stream().filter(e -> e.kind() == kind && Objects.equals(e.id(), id))
                .map(Entry::counterpart).findFirst().orElse(null);
    }

    private FundingPart with(Entry entry) {
        return new FundingPart(append(entries, entry), pledgeTerms);
    }

    private static <T> List<T> append(List<T> items, T item) {
        List<T> result = new ArrayList<>(items);
        result.add(item);
        return result;
    }
}
