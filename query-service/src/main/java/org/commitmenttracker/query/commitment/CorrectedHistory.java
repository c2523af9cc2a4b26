package org.commitmenttracker.query.commitment;

import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactKind;
import org.commitmenttracker.events.correction.FactRetracted;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A commitment's history as it is known now (domain.md, "Corrections"): each correction puts
 * its content in place of the event it corrects, each retraction takes its event out (and, when
 * it retracts the event that originated a fact, every later event of that fact), and the
 * corrections and retractions themselves leave the list. What remains is folded like any
 * stream, so every read by business date applies the rules once, to what is known now; a read
 * by recording time passes only the events recorded by then, and so sees the original.
 *
 * <p>A replaced event keeps its place (version, recordedAt): the fact was recorded then, only
 * its content is now known to be otherwise.
 */
public final class CorrectedHistory {

    private CorrectedHistory() {
    }

    /**
     * @param stream  the events in stream order, wrapped as the caller keeps them
     * @param event   the event of an element
     * @param replace an element with its event replaced by a corrected one
     */
    public static <T> List<T> of(List<T> stream, Function<T, CommitmentEvent> event,
                                 BiFunction<T, CommitmentEvent, T> replace) {
        if (stream.stream().noneMatch(element -> isCorrection(event.apply(element)))) {
            return stream;
        }
        List<T> known = new ArrayList<>(stream.size());
        for (T element : stream) {
            CommitmentEvent e = event.apply(element);
            if (e instanceof FactCorrected corrected) {
                int target = latest(known, event, corrected.factKind(), corrected.factId(), corrected.factType());
                if (target >= 0) {
                    known.set(target, replace.apply(known.get(target), corrected.content()));
                }
            } else if (e instanceof FactRetracted retracted) {
                int target = latest(known, event, retracted.factKind(), retracted.factId(), retracted.factType());
                if (target >= 0) {
                    boolean originating = retracted.factKind().originatingType() == event.apply(known.get(target)).getClass();
                    if (originating) {
                        known.removeIf(other -> isOf(event.apply(other), retracted.factKind(), retracted.factId()));
                    } else {
                        known.remove(target);
                    }
                }
            } else {
                known.add(element);
            }
        }
        return known;
    }

    /**
     * The event a correction or retraction names, as it was known just before it: {@code before}
     * is the stream up to it.
     */
    public static <T> Optional<CommitmentEvent> target(List<T> before, Function<T, CommitmentEvent> event,
                                                       BiFunction<T, CommitmentEvent, T> replace,
                                                       CommitmentEvent correction) {
        List<T> known = of(before, event, replace);
        int index = correction instanceof FactCorrected c ? latest(known, event, c.factKind(), c.factId(), c.factType())
                : correction instanceof FactRetracted r ? latest(known, event, r.factKind(), r.factId(), r.factType())
                : -1;
        return index < 0 ? Optional.empty() : Optional.of(event.apply(known.get(index)));
    }

    /** Whether an event changes what is known of another rather than recording a fact of its own. */
    public static boolean isCorrection(CommitmentEvent event) {
        return event instanceof FactCorrected || event instanceof FactRetracted;
    }

    private static <T> int latest(List<T> known, Function<T, CommitmentEvent> event, FactKind kind, String factId,
                                  String factType) {
        String type = factType != null ? factType : EventTypes.name(kind.originatingType());
        for (int i = known.size() - 1; i >= 0; i--) {
            CommitmentEvent candidate = event.apply(known.get(i));
            if (EventTypes.name(candidate.getClass()).equals(type) && isOf(candidate, kind, factId)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isOf(CommitmentEvent event, FactKind kind, String factId) {
        return kind.eventTypes().contains(event.getClass()) && factId.equals(kind.idOf(event));
    }
}
