package org.commitmenttracker.query.commitment;

import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.commitment.CommitmentFulfilled;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.events.correction.FactKind;
import org.commitmenttracker.events.correction.FactRetracted;
import org.commitmenttracker.events.dialogue.DialogueCancelled;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.progress.AgreementSigned;
import org.commitmenttracker.events.progress.EvidenceAttached;
import org.commitmenttracker.query.EventSamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type shapes the one fold every read of a commitment is written from, or is
 * named here as left out on purpose: a new event cannot be forgotten silently (style.md, 14).
 * Each type's stored sample is taken out of a course made of every sample; the state must differ.
 */
class EveryEventTypeTest {

    /** None: every event type, corrections included, changes what the reads show. */
    private static final Set<Class<? extends CommitmentEvent>> IGNORED = Set.of();

    static List<Class<? extends CommitmentEvent>> types() {
        return EventTypes.ALL;
    }

    /** Facts that end the same thing: a course holds one of each group, the one under test where it is one. */
    private static final List<List<Class<? extends CommitmentEvent>>> EITHER_OR = List.of(
            List.of(CommitmentFulfilled.class, CommitmentWithdrawn.class),
            List.of(DialogueHeld.class, DialogueCancelled.class));

    @ParameterizedTest
    @MethodSource("types")
    void eachEventTypeChangesTheFoldOrIsNamedAsIgnored(Class<? extends CommitmentEvent> type) {
        List<CommitmentEvent> course = course(type);

        FoldedCommitment with = fold(course, null);
        FoldedCommitment without = fold(course, type);

        if (type == CommitmentAnnounced.class) {
            assertThat(CommitmentFold.foldKnown(versions(course, type), null)).as("the commitment itself").isEmpty();
        } else if (IGNORED.contains(type)) {
            assertThat(without).isEqualTo(with);
        } else {
            assertThat(without).as(EventTypes.name(type) + " leaves the fold as it was").isNotEqualTo(with);
        }
    }

    /**
     * Every type's sample in the order of {@link EventTypes#ALL}, one of each either-or group; the
     * samples' own retraction and cancellation name a dialogue the other samples do not hold, so
     * the course retracts another fact and cancels the scheduled dialogue instead.
     */
    private static List<CommitmentEvent> course(Class<? extends CommitmentEvent> type) {
        List<CommitmentEvent> course = new ArrayList<>();
        for (Class<? extends CommitmentEvent> each : EventTypes.ALL) {
            boolean excluded = EITHER_OR.stream().filter(group -> group.contains(each))
                    .anyMatch(group -> each != (group.contains(type) ? type : group.get(0)));
            if (excluded) {
                continue;
            }
            CommitmentEvent sample = EventSamples.of(each);
            if (sample instanceof FactRetracted r) {
                // a fact of the course other than the one under test
                sample = type == EvidenceAttached.class
                        ? new FactRetracted(r.commitmentId(), FactKind.AGREEMENT, agreement().agreementId(),
                                "AgreementSigned", r.reason(), r.retractedOn())
                        : new FactRetracted(r.commitmentId(), FactKind.EVIDENCE, evidence().evidenceId(),
                                "EvidenceAttached", r.reason(), r.retractedOn());
            } else if (sample instanceof DialogueCancelled c) {
                // the samples' cancellation names a dialogue the course does not schedule
                sample = new DialogueCancelled(c.commitmentId(), scheduled().dialogueId(), c.reason(), c.occurredOn());
            }
            course.add(sample);
        }
        return course;
    }

    private static AgreementSigned agreement() {
        return (AgreementSigned) EventSamples.of(AgreementSigned.class);
    }

    private static EvidenceAttached evidence() {
        return (EvidenceAttached) EventSamples.of(EvidenceAttached.class);
    }

    private static DialogueScheduled scheduled() {
        return (DialogueScheduled) EventSamples.of(DialogueScheduled.class);
    }

    private static List<CommitmentFold.VersionedEvent> versions(List<CommitmentEvent> course, Class<?> leftOut) {
        List<CommitmentFold.VersionedEvent> stream = new ArrayList<>();
        for (int i = 0; i < course.size(); i++) {
            if (course.get(i).getClass() != leftOut) {
                stream.add(new CommitmentFold.VersionedEvent(course.get(i), i + 1));
            }
        }
        return stream;
    }

    /** Folds the course as known now, without the events of {@code leftOut}; the version is not compared. */
    private static FoldedCommitment fold(List<CommitmentEvent> course, Class<?> leftOut) {
        return CommitmentFold.foldKnown(versions(course, leftOut), null).map(k -> k.state().atVersion(0)).orElse(null);
    }
}
