package org.commitmenttracker.query.timeline;

import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactKind;
import org.commitmenttracker.events.correction.FactRetracted;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.query.Facts;
import org.commitmenttracker.query.ReadModelDatabase;
import org.commitmenttracker.query.commitment.CommitmentFold;
import org.commitmenttracker.query.commitment.CommitmentStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline shows what is known now, and each correction as an entry of its own: nothing changes silently. */
class TimelineCorrectionTest {

    private static final Instant RECORDED = Instant.parse("2021-10-01T09:00:00Z");
    private static final Map<String, List<CommitmentEvent>> STREAMS = new ConcurrentHashMap<>();
    private static ReadModelDatabase db;
    private static TimelineReadModel timeline;
    private static TimelineProjection projection;

    @BeforeAll
    static void database() {
        db = ReadModelDatabase.create();
        timeline = new TimelineReadModel(db.jdbc, db.versions);
        CommitmentStreams streams = (id, version) -> {
            List<CommitmentFold.VersionedEvent> upTo = new ArrayList<>();
            for (int i = 0; i < version; i++) {
                upTo.add(new CommitmentFold.VersionedEvent(STREAMS.get(id).get(i), i + 1, RECORDED.plusSeconds(i)));
            }
            return upTo;
        };
        projection = new TimelineProjection(timeline, db.versions, streams);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aCorrectedHeldDateShowsOnItsEntryAndTheCorrectionSaysWhatItWasAndWhy() {
        String id = newId();
        DialogueHeld rightDay = new DialogueHeld(id, "hled-2021", LocalDate.of(2021, 9, 10), "Washington",
                List.of("Agenda on supply chains agreed"), null);
        deliver(id, List.of(Facts.hledAnnounced(id), Facts.hledScheduled(id), Facts.hledHeld(id),
                new FactCorrected(id, FactKind.DIALOGUE, "hled-2021", "DialogueHeld", rightDay, "typo",
                        LocalDate.of(2021, 10, 1))));

        List<TimelineEntry> entries = timeline.timeline(id);

        assertThat(entries).extracting(TimelineEntry::version).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        TimelineEntry held = entries.stream().filter(e -> e.version() == 3).findFirst().orElseThrow();
        assertThat(held.occurredOn()).isEqualTo(LocalDate.of(2021, 9, 10));
        assertThat(held.summary()).isEqualTo("Dialogue 'HLED 2021' held on 2021-09-10 in Washington");
        assertThat(held.recordedAt()).isEqualTo(RECORDED.plusSeconds(2));
        TimelineEntry correction = entries.stream().filter(e -> e.version() == 4).findFirst().orElseThrow();
        assertThat(correction.type()).isEqualTo("FactCorrected");
        assertThat(correction.summary()).isEqualTo("'Dialogue 'HLED 2021' held on 2021-09-09 in Washington' was "
                + "corrected to 'Dialogue 'HLED 2021' held on 2021-09-10 in Washington': typo");
    }

    @Test
    void aRetractedFactLeavesTheTimelineAndItsRetractionTakesItsPlace() {
        String id = newId();
        deliver(id, List.of(Facts.hledAnnounced(id), Facts.hledScheduled(id), Facts.hledHeld(id),
                new FactRetracted(id, FactKind.DIALOGUE, "hled-2021", "DialogueHeld", "logged for the wrong dialogue",
                        LocalDate.of(2021, 10, 1))));

        List<TimelineEntry> entries = timeline.timeline(id);

        assertThat(entries).extracting(TimelineEntry::type)
                .containsExactlyInAnyOrder("CommitmentAnnounced", "DialogueScheduled", "FactRetracted");
        assertThat(entries).filteredOn(e -> e.type().equals("FactRetracted")).singleElement()
                .satisfies(e -> assertThat(e.summary()).startsWith("'Dialogue 'HLED 2021' held on 2021-09-09")
                        .endsWith("was retracted: it never happened: logged for the wrong dialogue"));
    }

    private static void deliver(String id, List<CommitmentEvent> events) {
        STREAMS.put(id, events);
        db.inTransaction(() -> {
            for (int i = 0; i < events.size(); i++) {
                projection.on(events.get(i), i, RECORDED.plusSeconds(i));
            }
        });
    }

    private static String newId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
