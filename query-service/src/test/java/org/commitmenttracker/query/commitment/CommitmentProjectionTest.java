package org.commitmenttracker.query.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commitmenttracker.query.Facts.totalUsd;
import static org.commitmenttracker.query.Facts.usd;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.commitment.CommitmentRevised;
import org.commitmenttracker.query.Facts;
import org.commitmenttracker.query.ReadModelDatabase;
import org.commitmenttracker.query.commitment.CommitmentDetail.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CommitmentProjectionTest {

    private static ReadModelDatabase db;
    private static CommitmentReadModel commitments;
    private static CommitmentProjection projection;

    @BeforeAll
    static void database() {
        db = ReadModelDatabase.create();
        commitments = new CommitmentReadModel(db.jdbc, db.namedJdbc, db.objectMapper);
        projection = new CommitmentProjection(commitments, db.versions, ReadModelDatabase.NO_CORRECTIONS, ReadModelDatabase.REMEMBERED_HEAP_PERCENT);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anEventDeliveredTwiceCountsOnce() {
        String id = newId();
        List<CommitmentEvent> events = labor(id);
        deliver(events);

        db.inTransaction(() -> projection.on(events.get(2), 2));

        CommitmentDetail detail = stored(id).orElseThrow();
        assertThat(detail.version()).isEqualTo(3);
        assertThat(detail.funding().disbursed()).isEqualTo(totalUsd("10000000.00"));
        assertThat(detail.status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void anEventRedeliveredInTheSameBatchCountsOnce() {
        String id = newId();
        List<CommitmentEvent> events = labor(id);

        db.inTransaction(() -> {
            for (int i = 0; i < events.size(); i++) {
                projection.on(events.get(i), i);
            }
            projection.on(events.get(2), 2);
            projection.on(events.get(1), 1);
        });

        CommitmentDetail detail = stored(id).orElseThrow();
        assertThat(detail.version()).isEqualTo(3);
        assertThat(detail.funding().disbursed()).isEqualTo(totalUsd("10000000.00"));
    }

    @Test
    void theTextSearchFindsARevisedTitleAndForgetsTheOldOne() {
        String id = newId();
        String word = "zq" + id.substring(2);
        deliver(List.of(Facts.laborAnnounced(id), Facts.pledged(id, "130000000.00"),
                new CommitmentRevised(id, "Strengthen Labor Cooperation " + word, null, null, null, "renamed",
                        LocalDate.of(2022, 1, 10)),
                Facts.disbursed(id, "v-2022-001", "10000000.00", LocalDate.of(2022, 2, 1))));

        assertThat(search(word)).containsExactly(id);
        assertThat(search("Labor")).contains(id);

        db.inTransaction(() -> projection.on(new CommitmentRevised(id, "Strengthen Cooperation", null, null, null,
                "renamed again", LocalDate.of(2022, 3, 1)), 4));
        assertThat(search(word)).isEmpty();
        // still found by its pledge's funding source (Department of Labor), no longer by its title
        assertThat(commitments.list(new CommitmentFilter(null, null, null, null, "Labor", null, null, null), 0, 100,
                LocalDate.now()).items()).filteredOn(found -> found.id().equals(id)).singleElement()
                .satisfies(found -> assertThat(found.matches()).containsExactly(
                        new CommitmentSummary.Match("PLEDGE", "dol-technical-assistance", "fundingSource")));
        assertThat(search("Cooperation")).contains(id);
    }

    private static List<String> search(String text) {
        return commitments.list(new CommitmentFilter(null, null, null, null, text, null, null, null), 0, 100, LocalDate.now())
                .items().stream().map(CommitmentSummary::id).toList();
    }

    @Test
    void aReplayKeepsTheDetailReadableAndRebuildsTheSame() {
        String id = newId();
        List<CommitmentEvent> events = labor(id);
        deliver(events);
        CommitmentDetail before = stored(id).orElseThrow();

        db.inTransaction(projection::reset);
        assertThat(stored(id)).contains(before);

        db.inTransaction(() -> projection.on(events.get(0), 0));
        assertThat(stored(id)).as("half rebuilt, not shown").contains(before);
        deliver(events);
        db.generations.switchOver(CommitmentProjection.NAME);

        assertThat(stored(id)).contains(before);
    }

    /**
     * A batch is first applied with its rows written at its end; after it fails (here, as when
     * another handler of the batch fails), Axon's retry applies it event by event in savepoints,
     * writing each row at once. Both ways build the same detail.
     */
    @Test
    void aBatchRetriedAfterAFailureBuildsTheSameDetail() {
        String first = newId();
        String retried = newId();
        deliver(labor(first));
        List<CommitmentEvent> events = labor(retried);
        List<EventMessage<?>> batch = events.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();

        assertThatThrownBy(() -> db.inBatch(batch, () -> {
            handle(events);
            throw new IllegalStateException("another handler of the batch failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(stored(retried)).isEmpty();

        db.inBatch(batch, () -> handle(events));

        CommitmentDetail detail = stored(retried).orElseThrow();
        assertThat(detail.version()).isEqualTo(3);
        assertThat(detail.funding()).isEqualTo(stored(first).orElseThrow().funding());
        assertThat(detail.status()).isEqualTo(Status.IN_PROGRESS);
    }

    /** What a read answers: the stored document with overdue as of the day, as the detail would say it. */
    @Test
    void aReadServesTheStoredDetailWithOverdueAsOfItsDay() throws Exception {
        String id = newId();
        deliver(labor(id));
        CommitmentDetail detail = stored(id).orElseThrow();

        for (LocalDate day : List.of(detail.dueBy(), detail.dueBy().plusDays(1))) {
            CommitmentReadModel.DetailJson read = commitments.detailJson(id, day).orElseThrow();
            assertThat(read.version()).isEqualTo(detail.version());
            assertThat(db.objectMapper.readTree(read.json()))
                    .isEqualTo(db.objectMapper.readTree(db.objectMapper.writeValueAsString(detail.withOverdue(day))));
        }
        assertThat(commitments.detailJson(id, detail.dueBy().plusDays(1)).orElseThrow().json())
                .contains("\"overdue\": true");
        assertThat(commitments.detailJson(newId(), detail.dueBy())).isEmpty();
    }

    private static Optional<CommitmentDetail> stored(String id) {
        return commitments.state(id).map(FoldedCommitment::detail);
    }

    private static List<CommitmentEvent> labor(String id) {
        return List.of(Facts.laborAnnounced(id), Facts.pledged(id, "130000000.00"),
                Facts.disbursed(id, "v-2022-001", "10000000.00", LocalDate.of(2021, 11, 15)));
    }

    private static void deliver(List<CommitmentEvent> events) {
        db.inTransaction(() -> handle(events));
    }

    private static void handle(List<CommitmentEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            projection.on(events.get(i), i);
        }
    }

    private static String newId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
