package org.commitmenttracker.query.audit;

import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactKind;
import org.commitmenttracker.events.correction.FactRetracted;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.progress.EvidenceAttached;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Source;
import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentDetail.DialogueStatus;
import org.commitmenttracker.query.commitment.CommitmentFold;
import org.commitmenttracker.query.commitment.CommitmentFold.VersionedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The HLED course of 2021: announced on 8 June, scheduled for September, held on 9 September. */
class StateAsOfTest {

    private static final String HLED = "us-mx-2021-hled";
    private static final CommitmentAnnounced ANNOUNCED = new CommitmentAnnounced(HLED, "High-Level Economic Dialogue",
            "Resume the HLED.", Category.ECONOMIC_DIALOGUE, List.of("US", "MX"), List.of("Department of Commerce"),
            LocalDate.of(2021, 6, 8), new Source("Vice President Harris Visit", null, LocalDate.of(2021, 6, 15)),
            LocalDate.of(2021, 9, 30));
    private static final DialogueScheduled SCHEDULED = new DialogueScheduled(HLED, "hled-2021",
            "High-Level Economic Dialogue 2021", LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30), null,
            LocalDate.of(2021, 6, 15));
    /** Logged three weeks after it happened. */
    private static final DialogueHeld HELD = new DialogueHeld(HLED, "hled-2021", LocalDate.of(2021, 9, 9),
            "Washington, D.C.", List.of("Building back together"), null);

    private final List<VersionedEvent> course = List.of(
            new VersionedEvent(ANNOUNCED, 1, Instant.parse("2021-06-08T18:00:00Z")),
            new VersionedEvent(SCHEDULED, 2, Instant.parse("2021-06-15T12:00:00Z")),
            new VersionedEvent(HELD, 3, Instant.parse("2021-09-30T09:00:00Z")));

    @Test
    void withoutFiltersItIsTheFoldOfTheWholeStreamVersionIncluded() {
        CommitmentDetail live = fold(ANNOUNCED, SCHEDULED, HELD);

        assertThat(StateAsOf.replay(course, null, null).map(StateAsOf.Replayed::detail)).contains(live);
        assertThat(live.version()).isEqualTo(3);
    }

    @Test
    void asOfADayBeforeTheDialogueItIsScheduledAndSaysItConsideredTheWholeStream() {
        StateAsOf.Replayed replayed = StateAsOf.replay(course, LocalDate.of(2021, 9, 5), null).orElseThrow();

        assertThat(replayed.detail().dialogues()).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DialogueStatus.SCHEDULED));
        assertThat(replayed.detail().version()).as("the stream version considered").isEqualTo(3);
        assertThat(replayed.factsApplied()).as("the announcement and the scheduling").isEqualTo(2);
    }

    @Test
    void aCorrectedHeldDateCountsAsOfEveryDayButKnownAtBeforeTheCorrectionShowsTheOriginal() {
        DialogueHeld rightDay = new DialogueHeld(HLED, "hled-2021", LocalDate.of(2021, 9, 20), "Washington, D.C.",
                List.of("Building back together"), null);
        List<VersionedEvent> corrected = new java.util.ArrayList<>(course);
        corrected.add(new VersionedEvent(new FactCorrected(HLED, FactKind.DIALOGUE, "hled-2021", "DialogueHeld",
                rightDay, "typo in the held date", LocalDate.of(2021, 10, 1)), 4, Instant.parse("2021-10-01T10:00:00Z")));

        CommitmentDetail nowOn10th = StateAsOf.replay(corrected, LocalDate.of(2021, 9, 10), null).orElseThrow().detail();
        CommitmentDetail thenOn10th = StateAsOf.replay(corrected, LocalDate.of(2021, 9, 10),
                Instant.parse("2021-09-30T12:00:00Z")).orElseThrow().detail();
        CommitmentDetail now = StateAsOf.replay(corrected, null, null).orElseThrow().detail();

        assertThat(nowOn10th.dialogues().get(0).status()).isEqualTo(DialogueStatus.SCHEDULED);
        assertThat(thenOn10th.dialogues().get(0).status()).isEqualTo(DialogueStatus.HELD);
        assertThat(now.dialogues().get(0).heldOn()).isEqualTo(LocalDate.of(2021, 9, 20));
        assertThat(now.version()).isEqualTo(4);
    }

    @Test
    void aRetractedFactIsAbsentAsOfEveryDay() {
        List<VersionedEvent> retracted = new java.util.ArrayList<>(course);
        retracted.add(new VersionedEvent(new FactRetracted(HLED, FactKind.DIALOGUE, "hled-2021", "DialogueHeld",
                "entered for the wrong dialogue", LocalDate.of(2021, 10, 1)), 4, Instant.parse("2021-10-01T10:00:00Z")));

        assertThat(StateAsOf.replay(retracted, null, null).orElseThrow().detail().dialogues().get(0).status())
                .isEqualTo(DialogueStatus.SCHEDULED);
    }

    @Test
    void asOfTheDayAfterItIsHeld() {
        CommitmentDetail state = StateAsOf.replay(course, LocalDate.of(2021, 9, 10), null).orElseThrow().detail();

        assertThat(state.dialogues()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DialogueStatus.HELD);
            assertThat(d.heldOn()).isEqualTo(LocalDate.of(2021, 9, 9));
        });
    }

    @Test
    void asOfTheDayOfAnEventIncludesIt() {
        assertThat(StateAsOf.replay(course, LocalDate.of(2021, 9, 9), null).orElseThrow().detail().dialogues().get(0).status())
                .isEqualTo(DialogueStatus.HELD);
        assertThat(StateAsOf.replay(course, LocalDate.of(2021, 6, 8), null).orElseThrow().detail().dialogues()).isEmpty();
    }

    @Test
    void beforeTheAnnouncementNothingIsKnown() {
        assertThat(StateAsOf.replay(course, LocalDate.of(2021, 6, 7), null)).isEmpty();
        assertThat(StateAsOf.replay(course, null, Instant.parse("2021-06-08T17:59:59Z"))).isEmpty();
    }

    @Test
    void knownAtShowsWhatTheSystemKnewThenAboutAnEarlierDay() {
        LocalDate dayAfter = LocalDate.of(2021, 9, 10);

        // On 20 September the meeting had happened, but nobody had logged it yet.
        CommitmentDetail shownThen = StateAsOf.replay(course, dayAfter, Instant.parse("2021-09-20T00:00:00Z")).orElseThrow().detail();
        CommitmentDetail knownNow = StateAsOf.replay(course, dayAfter, null).orElseThrow().detail();

        assertThat(shownThen.dialogues().get(0).status()).isEqualTo(DialogueStatus.SCHEDULED);
        assertThat(knownNow.dialogues().get(0).status()).isEqualTo(DialogueStatus.HELD);
    }

    @Test
    void knownAtTheInstantAnEventWasRecordedIncludesIt() {
        assertThat(StateAsOf.replay(course, null, Instant.parse("2021-09-30T09:00:00Z")).orElseThrow().detail().version())
                .isEqualTo(3);
    }

    @Test
    void versionIsThatOfTheLastEventTakenIntoAccountEvenWhenALaterOneIsLeftOut() {
        EvidenceAttached january = new EvidenceAttached(HLED, "photos", "Photos", "https://example.org/p",
                null, LocalDate.of(2022, 1, 10));
        EvidenceAttached december = new EvidenceAttached(HLED, "minutes", "Minutes", "https://example.org/m",
                null, LocalDate.of(2021, 12, 1));
        List<VersionedEvent> stream = List.of(course.get(0),
                new VersionedEvent(january, 2, Instant.parse("2022-01-11T00:00:00Z")),
                new VersionedEvent(december, 3, Instant.parse("2022-01-12T00:00:00Z")));

        CommitmentDetail endOf2021 = StateAsOf.replay(stream, LocalDate.of(2021, 12, 31), null).orElseThrow().detail();


        assertThat(endOf2021.evidence()).extracting(CommitmentDetail.Evidence::evidenceId).containsExactly("minutes");
        assertThat(endOf2021.version()).isEqualTo(3);
    }

    private static CommitmentDetail fold(CommitmentEvent... events) {
        return CommitmentFold.fold(List.of(events)).detail();
    }
}
