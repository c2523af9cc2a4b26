package org.commitmenttracker.query.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.commitment.CommitmentRevised;
import org.commitmenttracker.events.dialogue.DialogueCancelled;
import org.commitmenttracker.events.dialogue.DialogueRescheduled;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.query.Facts;
import org.commitmenttracker.query.commitment.CommitmentProjection;
import org.commitmenttracker.query.commitment.CommitmentReadModel;
import org.commitmenttracker.query.ReadModelDatabase;
import org.commitmenttracker.query.dialogue.DialogueCalendar.Filter;
import org.commitmenttracker.query.web.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each test uses its own year, so that the calendars of the tests do not meet. */
class DialogueCalendarProjectionTest {

    private static ReadModelDatabase db;
    private static DialogueCalendar calendar;
    private static CommitmentProjection projection;

    @BeforeAll
    static void database() {
        db = ReadModelDatabase.create();
        calendar = new DialogueCalendar(db.jdbc);
        projection = new CommitmentProjection(new CommitmentReadModel(db.jdbc, db.namedJdbc, db.objectMapper), db.versions, ReadModelDatabase.NO_CORRECTIONS, ReadModelDatabase.REMEMBERED_HEAP_PERCENT);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theHledScheduledForSeptemberAndHeldOnTheNinthShowsOnItsDay() {
        String id = newId();
        deliver(List.of(Facts.hledAnnounced(id), Facts.hledScheduled(id), Facts.hledHeld(id)));

        Page<CalendarEntry> page = calendar.calendar(new Filter(LocalDate.of(2021, 9, 9), LocalDate.of(2021, 9, 9),
                null), 0, 20);

        assertThat(page.items()).contains(new CalendarEntry(id, "High-Level Economic Dialogue (HLED)", "hled-2021",
                "HLED 2021", "HELD", LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30), LocalDate.of(2021, 9, 9),
                "Washington"));
        assertThat(calendar.calendar(new Filter(LocalDate.of(2021, 9, 20), LocalDate.of(2021, 9, 30), null), 0, 20)
                .items()).extracting(CalendarEntry::commitmentId).doesNotContain(id);
    }

    @Test
    void calendarRunsAcrossCommitmentsEarliestFirstWithFiltersAndPages() {
        String first = newId();
        String second = newId();
        deliver(List.of(Facts.hledAnnounced(first),
                scheduled(first, "d-1", "Spring round", "2031-03-10", "2031-03-11"),
                scheduled(first, "d-2", "Autumn round", "2031-10-01", "2031-10-02"),
                new DialogueCancelled(first, "d-2", "Merged into spring", LocalDate.of(2021, 7, 1))));
        deliver(List.of(Facts.laborAnnounced(second),
                scheduled(second, "d-3", "Labor summit", "2031-06-01", "2031-06-03")));

        Filter year = new Filter(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31), null);
        assertThat(calendar.calendar(year, 0, 20).items()).extracting(CalendarEntry::name)
                .containsExactly("Spring round", "Labor summit", "Autumn round");
        assertThat(calendar.calendar(year, 0, 20).items()).extracting(CalendarEntry::commitmentTitle)
                .containsExactly("High-Level Economic Dialogue (HLED)", "Strengthen Labor Cooperation",
                        "High-Level Economic Dialogue (HLED)");
        assertThat(calendar.calendar(new Filter(year.from(), year.to(), "CANCELLED"), 0, 20).items())
                .extracting(CalendarEntry::dialogueId).containsExactly("d-2");
        Page<CalendarEntry> secondPage = calendar.calendar(year, 1, 2);
        assertThat(secondPage.total()).isEqualTo(3);
        assertThat(secondPage.items()).extracting(CalendarEntry::name).containsExactly("Autumn round");
        // a window that only overlaps the planned days still finds the dialogue
        assertThat(calendar.calendar(new Filter(LocalDate.of(2031, 6, 3), LocalDate.of(2031, 6, 30), null), 0, 20)
                .items()).extracting(CalendarEntry::dialogueId).containsExactly("d-3");
    }

    @Test
    void aRescheduledDialogueMovesAndARevisedTitleFollows() {
        String id = newId();
        deliver(List.of(Facts.hledAnnounced(id), scheduled(id, "d-1", "Round one", "2032-03-10", "2032-03-11"),
                new DialogueRescheduled(id, "d-1", LocalDate.of(2032, 5, 4), LocalDate.of(2032, 5, 5), "Elections",
                        LocalDate.of(2021, 7, 1)),
                new CommitmentRevised(id, "HLED, revived", null, null, null, "Renamed", LocalDate.of(2021, 7, 2))));

        List<CalendarEntry> may = calendar.calendar(new Filter(LocalDate.of(2032, 5, 1), LocalDate.of(2032, 5, 31),
                null), 0, 20).items();

        assertThat(may).singleElement().satisfies(entry -> {
            assertThat(entry.plannedFrom()).isEqualTo(LocalDate.of(2032, 5, 4));
            assertThat(entry.status()).isEqualTo("SCHEDULED");
            assertThat(entry.commitmentTitle()).isEqualTo("HLED, revived");
        });
        assertThat(calendar.calendar(new Filter(LocalDate.of(2032, 3, 1), LocalDate.of(2032, 3, 31), null), 0, 20)
                .items()).isEmpty();
    }

    @Test
    void anEventDeliveredTwiceChangesNothingMore() {
        String id = newId();
        List<CommitmentEvent> events = List.of(Facts.hledAnnounced(id),
                scheduled(id, "d-1", "Round one", "2033-03-10", "2033-03-11"),
                new DialogueRescheduled(id, "d-1", LocalDate.of(2033, 4, 1), LocalDate.of(2033, 4, 2), "Later",
                        LocalDate.of(2021, 7, 1)));
        deliver(events);

        db.inTransaction(() -> {
            projection.on(events.get(1), 1);
            projection.on(events.get(0), 0);
        });

        assertThat(calendar.calendar(new Filter(LocalDate.of(2033, 1, 1), LocalDate.of(2033, 12, 31), null), 0, 20)
                .items()).singleElement().extracting(CalendarEntry::plannedFrom).isEqualTo(LocalDate.of(2033, 4, 1));
    }

    private static DialogueScheduled scheduled(String id, String dialogueId, String name, String from, String to) {
        return new DialogueScheduled(id, dialogueId, name, LocalDate.parse(from), LocalDate.parse(to), null,
                Facts.VISIT);
    }

    private static void deliver(List<CommitmentEvent> events) {
        db.inTransaction(() -> {
            for (int i = 0; i < events.size(); i++) {
                projection.on(events.get(i), i);
            }
        });
    }

    private static String newId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
