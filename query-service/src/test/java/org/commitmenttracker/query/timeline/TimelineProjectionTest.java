package org.commitmenttracker.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.query.Facts.VISIT;
import static org.commitmenttracker.query.Facts.usd;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.commitment.CommitmentFulfilled;
import org.commitmenttracker.events.commitment.CommitmentRevised;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.events.dialogue.DialogueCancelled;
import org.commitmenttracker.events.dialogue.DialogueRescheduled;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.funding.PledgeRevised;
import org.commitmenttracker.events.progress.AgreementSigned;
import org.commitmenttracker.events.progress.EvidenceAttached;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.commitmenttracker.events.progress.MilestoneAchieved;
import org.commitmenttracker.events.progress.MilestoneSet;
import org.commitmenttracker.events.progress.ProgressMeasured;
import org.commitmenttracker.events.value.Rating;
import org.commitmenttracker.query.Facts;
import org.commitmenttracker.query.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TimelineProjectionTest {

    private static final Instant RECORDED = Instant.parse("2022-01-10T09:30:00.123456Z");

    private static ReadModelDatabase db;
    private static TimelineReadModel timeline;
    private static TimelineProjection projection;

    @BeforeAll
    static void database() {
        db = ReadModelDatabase.create();
        timeline = new TimelineReadModel(db.jdbc, db.versions);
        projection = new TimelineProjection(timeline, db.versions, ReadModelDatabase.NO_CORRECTIONS);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everyKindOfEventReadsAsOneSentence() {
        String id = newId();
        List<CommitmentEvent> events = List.of(
                Facts.hledAnnounced(id),
                Facts.hledScheduled(id),
                new DialogueRescheduled(id, "hled-2021", LocalDate.of(2021, 9, 8), LocalDate.of(2021, 9, 10),
                        "Cabinet availability", LocalDate.of(2021, 8, 1)),
                Facts.hledHeld(id),
                new DialogueScheduled(id, "hled-2022", "HLED 2022", LocalDate.of(2022, 9, 12),
                        LocalDate.of(2022, 9, 12), "Mexico City", LocalDate.of(2021, 9, 9)),
                new DialogueCancelled(id, "hled-2022", "Moved to a ministerial", LocalDate.of(2021, 12, 1)),
                Facts.pledged(id, "130000000.00"),
                new PledgeRevised(id, "dol-technical-assistance", usd("120000000"), "Budget cut",
                        LocalDate.of(2021, 7, 1), null),
                Facts.obligated(id, "ilab-2021-01", "30000000.00", LocalDate.of(2021, 9, 1)),
                Facts.disbursed(id, "v-2021-001", "10000000.00", LocalDate.of(2021, 11, 15)),
                Facts.reversed(id, "v-2021-001", "10000000.00", LocalDate.of(2021, 12, 1)),
                new MilestoneSet(id, "agenda", "Agree the agenda", LocalDate.of(2021, 8, 31), VISIT),
                new MilestoneAchieved(id, "agenda", LocalDate.of(2021, 8, 20), null),
                new IndicatorDefined(id, "cases", "Cases resolved", "cases", BigDecimal.ZERO,
                        new BigDecimal("82000"), LocalDate.of(2024, 12, 31), VISIT),
                new ProgressMeasured(id, "cases", "m-1", new BigDecimal("1200"), LocalDate.of(2022, 1, 31),
                        "Quarterly report"),
                new AgreementSigned(id, "mou", "Memorandum of understanding", VISIT, List.of("United States", "Mexico")),
                Facts.assessed(id, Rating.IN_PROGRESS, LocalDate.of(2021, 9, 10)),
                new EvidenceAttached(id, "communique", "Joint statement", "https://www.state.gov/hled-2021", null,
                        LocalDate.of(2021, 9, 9)),
                new CommitmentRevised(id, null, null, LocalDate.of(2021, 10, 31), null, "Follow-up meeting",
                        LocalDate.of(2021, 9, 10)),
                new CommitmentFulfilled(id, LocalDate.of(2021, 9, 9), "The HLED was held."));
        deliver(events);

        assertThat(timeline.timeline(id)).extracting(TimelineEntry::version, TimelineEntry::summary)
                .containsExactly(
                        tuple(1, "Announced 'High-Level Economic Dialogue (HLED)' (Vice President Harris Visit), due by 2021-09-30"),
                        tuple(2, "Dialogue 'HLED 2021' scheduled for 2021-09-01 to 2021-09-30"),
                        tuple(7, "Pledged USD 130,000,000.00 from Department of Labor for 2021-06-08 to 2024-06-07 (pledge dol-technical-assistance)"),
                        tuple(12, "Milestone 'Agree the agenda' set, due by 2021-08-31"),
                        tuple(14, "Indicator 'Cases resolved' defined: from 0 cases to 82,000 cases by 2024-12-31"),
                        tuple(16, "Agreement 'Memorandum of understanding' signed on 2021-06-08 by United States, Mexico"),
                        tuple(8, "Pledge dol-technical-assistance revised to USD 120,000,000.00: Budget cut"),
                        tuple(3, "Dialogue 'HLED 2021' rescheduled to 2021-09-08 to 2021-09-10: Cabinet availability"),
                        tuple(13, "Milestone 'Agree the agenda' achieved on 2021-08-20"),
                        tuple(9, "Obligated USD 30,000,000.00 to ILO (award ilab-2021-01)"),
                        tuple(4, "Dialogue 'HLED 2021' held on 2021-09-09 in Washington"),
                        tuple(5, "Dialogue 'HLED 2022' scheduled for 2022-09-12 in Mexico City"),
                        tuple(18, "Evidence attached: 'Joint statement' (https://www.state.gov/hled-2021)"),
                        tuple(20, "Fulfilled on 2021-09-09: The HLED was held."),
                        tuple(17, "Assessed as in progress: As reported"),
                        tuple(19, "Revised the due date to 2021-10-31: Follow-up meeting"),
                        tuple(10, "Disbursed USD 10,000,000.00 to ILO (voucher v-2021-001)"),
                        tuple(6, "Dialogue 'HLED 2022' cancelled: Moved to a ministerial"),
                        tuple(11, "Reversed disbursement v-2021-001 of USD 10,000,000.00: Paid twice"),
                        tuple(15, "Cases resolved measured at 1,200 cases on 2022-01-31 (Quarterly report)"));
        assertThat(timeline.timeline(id)).extracting(TimelineEntry::type).contains("CommitmentAnnounced",
                "DialogueHeld", "FundsDisbursed", "DisbursementReversed", "CommitmentFulfilled");
    }

    @Test
    void withdrawalReadsWithItsReason() {
        String id = newId();
        deliver(List.of(Facts.laborAnnounced(id), new CommitmentWithdrawn(id, LocalDate.of(2022, 2, 1),
                "Superseded by a new agreement")));

        assertThat(timeline.timeline(id)).last().extracting(TimelineEntry::summary)
                .isEqualTo("Withdrawn on 2022-02-01: Superseded by a new agreement");
    }

    @Test
    void entriesGoByTheDayThingsHappenedThenByTheOrderTheyWereLogged() {
        String id = newId();
        deliver(List.of(Facts.laborAnnounced(id), Facts.pledged(id, "130000000.00"),
                Facts.disbursed(id, "v-2", "1.00", LocalDate.of(2022, 2, 1)),
                Facts.obligated(id, "a-1", "5.00", LocalDate.of(2021, 11, 15)),
                Facts.disbursed(id, "v-1", "2.00", LocalDate.of(2021, 11, 15))));

        assertThat(timeline.timeline(id)).extracting(TimelineEntry::version).containsExactly(1L, 2L, 4L, 5L, 3L);
        assertThat(timeline.timeline(id)).extracting(TimelineEntry::occurredOn)
                .isSortedAccordingTo(LocalDate::compareTo);
    }

    @Test
    void recordedAtIsWhenTheSystemLearntIt() {
        String id = newId();
        deliver(List.of(Facts.laborAnnounced(id)));

        TimelineEntry entry = timeline.timeline(id).get(0);
        assertThat(entry.recordedAt()).isEqualTo(RECORDED);
        assertThat(entry.occurredOn()).isEqualTo(VISIT);
    }

    @Test
    void anEventDeliveredTwiceIsWrittenOnce() {
        String id = newId();
        deliver(List.of(Facts.laborAnnounced(id), Facts.pledged(id, "130000000.00")));

        db.inTransaction(() -> projection.on(Facts.pledged(id, "130000000.00"), 1, RECORDED));
        db.inTransaction(() -> projection.on(Facts.laborAnnounced(id), 0, RECORDED));

        assertThat(timeline.timeline(id)).hasSize(2);
        assertThat(timeline.version(id)).contains(2L);
    }

    @Test
    void aReplayKeepsTheOldTimelineReadableUntilItIsSwitchedOver() {
        String id = newId();
        List<CommitmentEvent> events = List.of(Facts.hledAnnounced(id), Facts.hledScheduled(id), Facts.hledHeld(id));
        deliver(events);
        List<TimelineEntry> before = timeline.timeline(id);

        db.inTransaction(projection::reset);
        assertThat(timeline.timeline(id)).isEqualTo(before);

        db.inTransaction(() -> projection.on(events.get(0), 0, RECORDED));
        assertThat(timeline.timeline(id)).isEqualTo(before);
        assertThat(timeline.version(id)).contains(3L);

        db.inTransaction(() -> {
            projection.on(events.get(1), 1, RECORDED);
            projection.on(events.get(2), 2, RECORDED);
        });
        assertThat(timeline.timeline(id)).isEqualTo(before);
        db.generations.switchOver(TimelineProjection.NAME);
        assertThat(timeline.timeline(id)).isEqualTo(before);
        assertThat(timeline.version(id)).contains(3L);
    }

    @Test
    void anUnknownCommitmentHasNoTimeline() {
        assertThat(timeline.version("no-such-commitment")).isEmpty();
        assertThat(timeline.timeline("no-such-commitment")).isEmpty();
    }

    private static void deliver(List<CommitmentEvent> events) {
        db.inTransaction(() -> {
            for (int i = 0; i < events.size(); i++) {
                projection.on(events.get(i), i, RECORDED);
            }
        });
    }

    private static org.assertj.core.groups.Tuple tuple(long version, String summary) {
        return org.assertj.core.groups.Tuple.tuple(version, summary);
    }

    private static String newId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
