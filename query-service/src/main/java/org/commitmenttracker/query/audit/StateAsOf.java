package org.commitmenttracker.query.audit;

import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentFold;
import org.commitmenttracker.query.commitment.FoldedCommitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The bitemporal question "what did the system know at {@code knownAt} about the state on
 * {@code asOf}": the events that had occurred by {@code asOf} and had been recorded by
 * {@code knownAt}, each kept or left out by its own business date ({@code occurredOn}: the day
 * the pledge was made, the voucher paid, the dialogue held), folded in stream order by
 * {@link CommitmentFold#evolve}, the very function that builds the live detail, ledger,
 * calendar and dashboard. There is no second copy of the rules here, only the filter.
 *
 * <p>Each kept event is folded with its own version in the stream, so {@code version} in the
 * answer is the version of the last event taken into account, and the answer without filters is
 * the live detail, version included.
 */
final class StateAsOf {

    /** An event of the stream with its two clocks' positions: its version and when it was recorded. */
    record RecordedEvent(CommitmentEvent event, long version, Instant recordedAt) {
    }

    private StateAsOf() {
    }

    /**
     * @param asOf    keeps the events whose {@code occurredOn} is on or before it; null keeps all
     * @param knownAt keeps the events recorded on or before it; null keeps all
     * @return the detail (with {@code overdue} false, as the fold leaves it); empty when nothing of
     *         the commitment was known
     */
    static Optional<CommitmentDetail> replay(List<RecordedEvent> stream, LocalDate asOf, Instant knownAt) {
        FoldedCommitment state = null;
        for (RecordedEvent recorded : stream) {
            if (occurredBy(recorded.event(), asOf) && (knownAt == null || !recorded.recordedAt().isAfter(knownAt))) {
                state = CommitmentFold.evolve(state, recorded.event(), recorded.version());
            }
        }
        return Optional.ofNullable(state).map(FoldedCommitment::detail);
    }

    private static boolean occurredBy(CommitmentEvent event, LocalDate asOf) {
        return asOf == null || (event.occurredOn() != null && !event.occurredOn().isAfter(asOf));
    }
}
