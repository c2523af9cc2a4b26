package org.commitmenttracker.command.commitment;

import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactKind;
import org.commitmenttracker.events.correction.FactRetracted;

import java.util.List;
import java.util.Set;

/**
 * The state and checks of one feature of a commitment (funding, dialogues, progress), kept by
 * the {@link Commitment} aggregate. {@link #evolve} only assigns; the checks refuse with a
 * {@link CommitmentRefused}. A correction or retraction is checked by applying it to a copy
 * and requiring that copy to obey every rule, as if the fact had been recorded that way.
 */
public interface FactState {

    /** The kinds of fact (domain.md) this feature keeps. */
    Set<FactKind> kinds();

    /** The recorded fact of a kind, by id and event type; null if none was ever recorded. */
    Recorded recorded(FactKind kind, String factId, String factType);

    /** Refuses a correction that would break a rule of this feature. */
    void checkCorrection(FactCorrected correction);

    /** Refuses a retraction that would break a rule of this feature, or leave a fact that depends on it. */
    void checkRetraction(FactRetracted retraction);

    void evolve(CommitmentEvent event, long version, String eventId);

    /** The rules that relate facts to each other, each one {@code if}: what this state breaks of them. */
    List<String> violations();

    /**
     * Refuses a change that would break a rule relating facts to each other. Only what the change
     * breaks counts: a history recorded before a rule existed does not block what follows it.
     */
    default void requireNothingBroken(FactState next) {
        List<String> before = violations();
        for (String broken : next.violations()) {
            if (!before.contains(broken)) {
                throw CommitmentRefused.conflict(broken);
            }
        }
    }

    /** The event types {@link #evolve} changes state for; every other type it ignores on purpose. */
    Set<Class<? extends CommitmentEvent>> handledTypes();

    /** The event types {@link #evolve} leaves alone, named so that a new type cannot be forgotten silently. */
    Set<Class<? extends CommitmentEvent>> ignoredTypes();
}
