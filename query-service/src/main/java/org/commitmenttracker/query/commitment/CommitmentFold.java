package org.commitmenttracker.query.commitment;

import static org.commitmenttracker.query.commitment.Lists.orElse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.commitment.CommitmentFulfilled;
import org.commitmenttracker.events.commitment.CommitmentRevised;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.query.commitment.CommitmentDetail.Status;

/**
 * Folds a commitment's events, in stream order, into a {@link FoldedCommitment}: the one fold
 * every read model of a commitment is written from. A pure function: the same events give the
 * same state, which is what lets the state "as of" any day or "as known at" any instant be
 * rebuilt from the history.
 *
 * <p>The commitment's own fields are folded here; each feature's facts by its part
 * ({@link FundingPart}, {@link DialoguePart}, {@link ProgressPart}), each with its own
 * {@code apply}. A new event goes to the part of its feature.
 *
 * <p>The command side has validated every event, so whatever cannot apply here (an unknown
 * child id, a repeated one, another currency) is a stored fact this view has no place for: it
 * is skipped rather than allowed to break the view of the whole commitment.
 */
public final class CommitmentFold {

    private CommitmentFold() {
    }

    /**
     * @param state   the state after the previous events; null before the announcement
     * @param event   the next event of the stream
     * @param version the number of events applied, this one included
     * @return the state after {@code event}; null while there is no announcement
     */
    public static FoldedCommitment evolve(FoldedCommitment state, CommitmentEvent event, long version) {
        if (event == null) {
            return state;
        }
        if (state == null) {
            return event instanceof CommitmentAnnounced e ? new FoldedCommitment(e.commitmentId(), e.title(),
                    e.summary(), e.category(), e.parties(), e.leadAgencies(), e.announcedOn(), e.dueBy(),
                    Status.ANNOUNCED, version, e.announcedOn(), e.source(), null, null, null) : null;
        }
        if (!Objects.equals(state.id(), event.commitmentId())) {
            return state;
        }
        if (event instanceof CommitmentAnnounced) {
            // a commitment is announced once; a repeat changes nothing else
            return with(state, version, state.lastActivityOn(), state.status(), state.title(), state.summary(),
                    state.dueBy(), state.leadAgencies());
        }
        LocalDate lastActivityOn = later(state.lastActivityOn(), event.occurredOn());
        Status status = state.status() == Status.ANNOUNCED ? Status.IN_PROGRESS : state.status();
        if (event instanceof CommitmentRevised e) {
            return with(state, version, lastActivityOn, status, orElse(e.title(), state.title()),
                    orElse(e.summary(), state.summary()), orElse(e.dueBy(), state.dueBy()),
                    orElse(e.leadAgencies(), state.leadAgencies()));
        }
        if (event instanceof CommitmentFulfilled && !state.isClosed()) {
            status = Status.FULFILLED;
        } else if (event instanceof CommitmentWithdrawn && !state.isClosed()) {
            status = Status.WITHDRAWN;
        }
        return new FoldedCommitment(state.id(), state.title(), state.summary(), state.category(), state.parties(),
                state.leadAgencies(), state.announcedOn(), state.dueBy(), status, version, lastActivityOn,
                state.source(), state.funding().apply(event, version), state.dialogues().apply(event),
                state.progress().apply(event));
    }

    /** An event of a commitment's stream at its version (1 for the announcement), recorded at {@code recordedAt}. */
    public record VersionedEvent(CommitmentEvent event, long version, Instant recordedAt) {

        public VersionedEvent(CommitmentEvent event, long version) {
            this(event, version, null);
        }

        public VersionedEvent with(CommitmentEvent corrected) {
            return new VersionedEvent(corrected, version, recordedAt);
        }
    }

    /** A fold of what is known, and how many events shaped it. */
    public record Known(FoldedCommitment state, int factsApplied) {
    }

    /**
     * Folds a stream as it is known now ({@link CorrectedHistory}: corrected content in place,
     * retracted facts absent), keeping only the facts whose business date is on or before
     * {@code asOf} (all when null). The announcement is the commitment itself and is always
     * folded when anything is kept, so a fact dated before the announcement (an MoU signed the
     * day before) still appears. The answer is at the version of the last event of
     * {@code stream}: the stream version the answer considered, corrections included.
     *
     * @return empty when nothing of the commitment is kept
     */
    public static Optional<Known> foldKnown(List<VersionedEvent> stream, LocalDate asOf) {
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        List<VersionedEvent> known = CorrectedHistory.of(stream, VersionedEvent::event, VersionedEvent::with);
        List<VersionedEvent> kept = known.stream()
                .filter(e -> e.event() instanceof CommitmentAnnounced || occurredBy(e.event(), asOf)).toList();
        if (kept.stream().noneMatch(e -> occurredBy(e.event(), asOf))) {
            return Optional.empty();
        }
        FoldedCommitment state = null;
        for (VersionedEvent e : kept) {
            state = evolve(state, e.event(), e.version());
        }
        long version = stream.get(stream.size() - 1).version();
        return Optional.ofNullable(state).map(s -> new Known(s.atVersion(version), kept.size()));
    }

    private static boolean occurredBy(CommitmentEvent event, LocalDate asOf) {
        return asOf == null || (event.occurredOn() != null && !event.occurredOn().isAfter(asOf));
    }

    /** Folds a whole stream, each event at its position (1, 2, ...). */
    public static FoldedCommitment fold(List<? extends CommitmentEvent> events) {
        FoldedCommitment state = null;
        long version = 0;
        for (CommitmentEvent event : events) {
            state = evolve(state, event, ++version);
        }
        return state;
    }

    private static FoldedCommitment with(FoldedCommitment s, long version, LocalDate lastActivityOn, Status status,
                                         String title, String summary, LocalDate dueBy, List<String> leadAgencies) {
        return new FoldedCommitment(s.id(), title, summary, s.category(), s.parties(), leadAgencies, s.announcedOn(),
                dueBy, status, version, lastActivityOn, s.source(), s.funding(), s.dialogues(), s.progress());
    }

    private static LocalDate later(LocalDate current, LocalDate candidate) {
        if (current == null) {
            return candidate;
        }
        return candidate != null && candidate.isAfter(current) ? candidate : current;
    }
}
