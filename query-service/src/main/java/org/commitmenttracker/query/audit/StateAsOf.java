package org.commitmenttracker.query.audit;

import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentFold;
import org.commitmenttracker.query.commitment.CommitmentFold.VersionedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The bitemporal question "what did the system know at {@code knownAt} about the state on
 * {@code asOf}": the events recorded by {@code knownAt}, as they were known then (a correction
 * recorded later is not yet applied, so the original shows), folded by
 * {@link CommitmentFold#foldKnown} with each fact kept or left out by its own business date
 * ({@code occurredOn}, corrected where a correction was known). The same function builds the live
 * detail, ledger, calendar and dashboard: there is no second copy of the rules here, only the
 * filter by recording time.
 *
 * <p>{@code version} in the answer is the stream version considered (the last event recorded by
 * {@code knownAt}), {@code factsApplied} how many events shaped the answer; the answer without
 * filters is the live detail, version included.
 */
final class StateAsOf {

    /** The detail as it stood (with {@code overdue} false, as the fold leaves it) and how many events shaped it. */
    record Replayed(CommitmentDetail detail, int factsApplied) {
    }

    private StateAsOf() {
    }

    /**
     * @param asOf    keeps the facts whose {@code occurredOn} is on or before it; null keeps all
     * @param knownAt keeps the events recorded on or before it; null keeps all
     * @return empty when nothing of the commitment was known
     */
    static Optional<Replayed> replay(List<VersionedEvent> stream, LocalDate asOf, Instant knownAt) {
        List<VersionedEvent> recorded = stream.stream()
                .filter(e -> knownAt == null || !e.recordedAt().isAfter(knownAt))
                .toList();
        return CommitmentFold.foldKnown(recorded, asOf)
                .map(known -> new Replayed(known.state().detail(), known.factsApplied()));
    }
}
