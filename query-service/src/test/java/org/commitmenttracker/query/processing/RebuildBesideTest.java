package org.commitmenttracker.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.Facts;
import org.commitmenttracker.query.ReadModelDatabase;
import org.commitmenttracker.query.commitment.CommitmentProjection;
import org.commitmenttracker.query.commitment.CommitmentReadModel;
import org.commitmenttracker.query.commitment.FoldedCommitment;
import org.commitmenttracker.query.dashboard.Dashboard;
import org.commitmenttracker.query.dashboard.DashboardReadModel;
import org.commitmenttracker.query.dialogue.CalendarEntry;
import org.commitmenttracker.query.dialogue.DialogueCalendar;
import org.commitmenttracker.query.timeline.TimelineEntry;
import org.commitmenttracker.query.timeline.TimelineProjection;
import org.commitmenttracker.query.timeline.TimelineReadModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A replay builds beside what reads answer: every read model, polled after each batch of the
 * replay, answers the complete state before it, until the switch makes it answer the complete
 * state after it; a replay that fails never switches.
 */
class RebuildBesideTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 10, 15);
    private static final Instant RECORDED = Instant.parse("2021-10-01T12:00:00Z");

    private static ReadModelDatabase db;
    private static CommitmentReadModel commitments;
    private static CommitmentProjection commitmentProjection;
    private static TimelineReadModel timeline;
    private static TimelineProjection timelineProjection;
    private static DashboardReadModel dashboard;
    private static DialogueCalendar calendar;

    @BeforeAll
    static void database() {
        db = ReadModelDatabase.create();
        commitments = new CommitmentReadModel(db.jdbc, db.namedJdbc, db.objectMapper);
        commitmentProjection = new CommitmentProjection(commitments, db.versions, ReadModelDatabase.NO_CORRECTIONS, ReadModelDatabase.REMEMBERED_HEAP_PERCENT);
        timeline = new TimelineReadModel(db.jdbc, db.versions);
        timelineProjection = new TimelineProjection(timeline, db.versions, ReadModelDatabase.NO_CORRECTIONS);
        dashboard = new DashboardReadModel(db.jdbc);
        calendar = new DialogueCalendar(db.jdbc);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void fromNothing() {
        for (String table : List.of("commitment", "dialogue", "timeline_entry", "timeline_name", "applied_version")) {
            db.jdbc.sql("DELETE FROM query." + table).update();
        }
    }

    /** What every read of the two commitments answers, at one moment. */
    private record Answers(Map<String, JsonNode> details, Map<String, JsonNode> ledgers,
                           Map<String, List<TimelineEntry>> timelines, Map<String, Long> versions,
                           List<CalendarEntry> calendar, Dashboard dashboard) {
    }

    @Test
    void everyReadDuringAReplayAnswersTheCompleteStateBeforeItOrAfterIt() {
        String labor = newId();
        String hled = newId();
        List<Event> stream = new ArrayList<>(List.of(new Event(Facts.laborAnnounced(labor), 0),
                new Event(Facts.hledAnnounced(hled), 0), new Event(Facts.pledged(labor, "130000000.00"), 1),
                new Event(Facts.hledScheduled(hled), 1),
                new Event(Facts.disbursed(labor, "v-1", "2000000.00", LocalDate.of(2021, 9, 20)), 2),
                new Event(Facts.hledHeld(hled), 2),
                new Event(Facts.reversed(labor, "v-1", "2000000.00", LocalDate.of(2021, 10, 1)), 3)));
        for (Event event : stream) {
            deliver(List.of(event));
        }
        Answers before = answers(labor, hled);

        db.inTransaction(() -> {
            commitmentProjection.reset();
            timelineProjection.reset();
        });
        newestEventAt(stream.size());
        // The replay delivers the stream again, two events a batch, then an event recorded meanwhile.
        stream.add(new Event(Facts.disbursed(labor, "v-2", "5000000.00", LocalDate.of(2021, 10, 5)), 4));
        for (int i = 0; i < stream.size(); i += 2) {
            deliver(stream.subList(i, Math.min(i + 2, stream.size())));
            assertThat(answers(labor, hled)).as("after %d events of the replay", i + 2).isEqualTo(before);
        }
        assertThat(db.generations.switchIfComplete(CommitmentProjection.NAME)).as("no token has passed the target").isFalse();
        assertThat(answers(labor, hled)).isEqualTo(before);
        db.generations.switchOver(CommitmentProjection.NAME);
        db.generations.switchOver(TimelineProjection.NAME);
        Answers after = answers(labor, hled);

        assertThat(after).isNotEqualTo(before);
        assertThat(after.versions()).containsEntry(labor, 5L).containsEntry(hled, 3L);
        assertThat(after.ledgers().get(labor).at("/disbursed/value").asText()).isEqualTo("5000000.00");
        assertThat(after.dashboard().funding().get("USD").disbursed().value().toPlainString())
                .isEqualTo(after.details().get(labor).at("/funding/disbursed/value").asText());
        assertThat(after.timelines().get(labor)).hasSize(5);
        assertThat(after.details()).isEqualTo(withoutReplay(labor, hled, stream).details());
        assertThat(generations("commitment")).containsExactly(generation(CommitmentProjection.NAME));
        assertThat(generations("timeline_entry")).containsExactly(generation(TimelineProjection.NAME));
    }

    @Test
    void aReplayThatFailsLeavesTheOldStateServing() {
        String labor = newId();
        List<Event> stream = List.of(new Event(Facts.laborAnnounced(labor), 0),
                new Event(Facts.pledged(labor, "130000000.00"), 1));
        deliver(stream);
        Answers before = answers(labor, labor);

        db.inTransaction(commitmentProjection::reset);
        newestEventAt(2);
        deliver(stream.subList(0, 1));
        assertThatThrownBy(() -> db.inTransaction(() -> {
            commitmentProjection.on(stream.get(1).event(), stream.get(1).sequence());
            throw new IllegalStateException("the replay's processor fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(db.generations.switchIfComplete(CommitmentProjection.NAME)).isFalse();
        assertThat(answers(labor, labor)).isEqualTo(before);
    }

    /** The target the switch would take from the event store (which this test database does not have). */
    private static void newestEventAt(long position) {
        db.jdbc.sql("UPDATE query.read_model_generation SET target = ?").param(position).update();
    }

    private record Event(CommitmentEvent event, long sequence) {
    }

    private static void deliver(List<Event> events) {
        db.inTransaction(() -> {
            for (Event e : events) {
                commitmentProjection.on(e.event(), e.sequence());
                timelineProjection.on(e.event(), e.sequence(), RECORDED);
            }
        });
    }

    private static Answers answers(String... ids) {
        Map<String, JsonNode> details = new LinkedHashMap<>();
        Map<String, JsonNode> ledgers = new LinkedHashMap<>();
        Map<String, List<TimelineEntry>> timelines = new LinkedHashMap<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        for (String id : ids) {
            details.put(id, commitments.detailJson(id, TODAY).map(d -> json(d.json())).orElse(null));
            ledgers.put(id, commitments.state(id).map(FoldedCommitment::ledger).map(l -> (JsonNode) db.objectMapper.valueToTree(l))
                    .orElse(null));
            timelines.put(id, timeline.timeline(id));
            versions.put(id, commitments.version(id).orElse(null));
        }
        return new Answers(details, ledgers, timelines, versions,
                calendar.calendar(new DialogueCalendar.Filter(null, null, null), 0, 50).items(),
                dashboard.dashboard(TODAY));
    }

    /** The same stream folded into an empty read model, without any replay. */
    private Answers withoutReplay(String labor, String hled, List<Event> stream) {
        fromNothing();
        deliver(stream);
        return answers(labor, hled);
    }

    private static List<Long> generations(String table) {
        return db.jdbc.sql("SELECT DISTINCT generation FROM query." + table).query(Long.class).list();
    }

    private static long generation(String readModel) {
        return db.jdbc.sql("SELECT serving FROM query.read_model_generation WHERE read_model = ?").param(readModel)
                .query(Long.class).single();
    }

    private static JsonNode json(String json) {
        try {
            return db.objectMapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
