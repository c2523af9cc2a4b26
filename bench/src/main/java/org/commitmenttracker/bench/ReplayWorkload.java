package org.commitmenttracker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.integrity.IntegrityChain;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code replay}: the rebuild of the commitment read models from every stored event, in
 * events per second. The store is first filled up to N events with valid ones (real event
 * JSON written by the command service's own serializer, correct sequence numbers and hash
 * chains, ascending global indexes, an actor in the metadata), inserted directly because
 * sending a million commands would take an hour. The replay itself is Axon's: shut the
 * processor down, reset its tokens (the reset handler empties the read model), start it and
 * wait until every segment has passed the newest event and every commitment's row shows as
 * many versions as its stream has events. The baseline reads the same events by
 * keyset, deserializes each payload to its record and upserts a row of the read model's shape
 * into a copy of its table, 1,000 events a batch; it does not fold, so it is a floor.
 */
final class ReplayWorkload {

    static final int EVENTS_PER_COMMITMENT = 50;
    private static final String COPY_TABLE = "bench.commitment_copy";
    private static final String UPSERT_COLUMNS = "id, version, title, summary, category, status, rating, announced_on,"
            + " due_by, next_due_by, last_activity_on, lead_agencies, detail";

    private final BenchSystem system;
    private final Sizes sizes;
    private final Report report;

    ReplayWorkload(BenchSystem system, Sizes sizes, Report report) {
        this.system = system;
        this.sizes = sizes;
        this.report = report;
    }

    void run() {
        StreamingEventProcessor processor = system.commitmentsProcessor();
        processor.shutDown();
        // The other read models and the feed would process the inserted events as they go in,
        // and still be at it during the replay: they skip them instead (a rebuild of one read
        // model, the others up to date).
        List<StreamingEventProcessor> others = system.otherProcessors();
        others.forEach(StreamingEventProcessor::shutDown);
        long added = fillUpTo(sizes.replayEvents());
        others.forEach(other -> {
            system.skipToHead(other);
            other.start();
        });
        long events = system.queryLong("SELECT count(*) FROM events.domain_event_entry");
        long head = system.headGlobalIndex();
        report.note("replay: %d events (%d inserted directly, %d per synthetic commitment, which the other processors skip)%s; processor '%s'"
                .formatted(events, added, EVENTS_PER_COMMITMENT,
                        sizes.replayEvents() < Sizes.FULL_REPLAY ? " (full run: " + Sizes.FULL_REPLAY + ")" : "",
                        BenchSystem.PROCESSOR));

        system.execute("CREATE SCHEMA IF NOT EXISTS bench");
        system.execute("CREATE TABLE " + COPY_TABLE + " (LIKE query.commitment INCLUDING ALL)");
        // The read model's rows are keyed by (id, generation); the baseline writes one generation.
        system.execute("ALTER TABLE " + COPY_TABLE + " ALTER COLUMN generation SET DEFAULT 1");
        system.execute("CREATE UNIQUE INDEX ON " + COPY_TABLE + " (id)");

        List<Double> replays = new ArrayList<>();
        List<Double> raws = new ArrayList<>();
        List<Double> switchOvers = new ArrayList<>();
        for (int rep = 1; rep <= sizes.replayRepetitions(); rep++) {
            processor.shutDown();
            long start = System.nanoTime();
            processor.resetTokens();
            processor.start();
            system.awaitProjectionAt(head, Duration.ofHours(1));
            long caughtUp = System.nanoTime();
            awaitReadModelComplete(events);
            long switched = System.nanoTime();
            switchOvers.add((switched - caughtUp) / 1e6);
            double seconds = (switched - start) / 1e9;
            replays.add(events / seconds);

            double rawSeconds = rawReplay(rowTemplate());
            raws.add(events / rawSeconds);
            report.progress("replay rep %d: %.0f events/s (%.1f s), raw %.0f events/s (%.1f s)".formatted(rep,
                    events / seconds, seconds, events / rawSeconds, rawSeconds));
        }
        double replay = Stats.median(replays);
        double raw = Stats.median(raws);
        report.result("replay_events", events, "events");
        report.result("replay", replay, "events/s");
        report.result("replay_raw", raw, "events/s");
        report.ratio("replay", replay / raw);
        // From every segment past the newest event to reads answering the new generation: the
        // switch's next look (every 200 ms) and its transaction, which deletes the old generation.
        report.result("replay_switch_ms", Stats.median(switchOvers), "ms");
    }

    // --- the events ---

    /** Inserts valid events until the store holds {@code target}; answers how many it inserted. */
    private long fillUpTo(long target) {
        long missing = target - system.queryLong("SELECT count(*) FROM events.domain_event_entry");
        if (missing <= 0) {
            return 0;
        }
        int commitments = (int) ((missing + EVENTS_PER_COMMITMENT - 1) / EVENTS_PER_COMMITMENT);
        report.progress("replay: inserting " + missing + " events over " + commitments + " commitments");
        String[] lastHash = new String[commitments];
        Arrays.fill(lastHash, IntegrityChain.GENESIS);
        long inserted = 0;
        try (SyntheticEvents events = new SyntheticEvents(system)) {
            // Round by round across the commitments, so streams interleave as they do in life.
            for (int sequence = 0; sequence < EVENTS_PER_COMMITMENT && inserted < missing; sequence++) {
                for (int c = 0; c < commitments && inserted < missing; c++) {
                    lastHash[c] = events.append("bench-replay-%06d".formatted(c), sequence, lastHash[c]);
                    inserted++;
                }
            }
        }
        return inserted;
    }

    /**
     * The read model is rebuilt when reads answer from the generation the replay built (the
     * switch-over included) and every commitment's row there has reached the number of events in
     * its stream.
     */
    private void awaitReadModelComplete(long events) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long versions;
        while ((versions = system.queryLong("""
                SELECT coalesce(sum(c.version), 0) FROM query.commitment c
                JOIN query.read_model_generation g ON g.read_model = 'commitments' AND g.serving = g.generation
                    AND c.generation = g.serving""")) != events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("after the replay the read model holds " + versions
                        + " versions in all, not the " + events + " events stored");
            }
            sleep(Duration.ofMillis(20));
        }
    }

    // --- the baseline ---

    /** One row of {@code query.commitment}, whose columns (all but the id and version) every upsert repeats. */
    private record RowTemplate(String title, String summary, String category, String status, String rating,
                               LocalDate announcedOn, LocalDate dueBy, LocalDate nextDueBy, LocalDate lastActivityOn,
                               String[] leadAgencies, String detail) {
    }

    private RowTemplate rowTemplate() {
        try (Connection connection = system.superuser(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + UPSERT_COLUMNS + " FROM query.commitment"
                     + " ORDER BY (id LIKE 'bench-replay-%') DESC, id LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("no commitment in the read model");
            }
            Array agencies = row.getArray("lead_agencies");
            return new RowTemplate(row.getString("title"), row.getString("summary"), row.getString("category"),
                    row.getString("status"), row.getString("rating"), row.getObject("announced_on", LocalDate.class),
                    row.getObject("due_by", LocalDate.class), row.getObject("next_due_by", LocalDate.class),
                    row.getObject("last_activity_on", LocalDate.class), (String[]) agencies.getArray(),
                    row.getString("detail"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers the seconds a keyset scan, deserialization and batched upserts of every event take. */
    private double rawReplay(RowTemplate template) {
        ObjectMapper mapper = ((JacksonSerializer) system.queryEventSerializer()).getObjectMapper();
        Map<String, Class<?>> classes = new HashMap<>();
        system.execute("TRUNCATE " + COPY_TABLE);
        try (Connection connection = system.superuser();
             PreparedStatement scan = connection.prepareStatement("SELECT global_index, sequence_number, payload_type,"
                     + " payload FROM events.domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1000");
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + COPY_TABLE + " (" + UPSERT_COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB))"
                     + " ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title,"
                     + " summary = EXCLUDED.summary, category = EXCLUDED.category, status = EXCLUDED.status,"
                     + " rating = EXCLUDED.rating, announced_on = EXCLUDED.announced_on, due_by = EXCLUDED.due_by,"
                     + " next_due_by = EXCLUDED.next_due_by, last_activity_on = EXCLUDED.last_activity_on,"
                     + " lead_agencies = EXCLUDED.lead_agencies, detail = EXCLUDED.detail"
                     + " WHERE " + COPY_TABLE + ".version < EXCLUDED.version")) {
            connection.setAutoCommit(false);
            Array agencies = connection.createArrayOf("text", template.leadAgencies());
            long start = System.nanoTime();
            long after = Long.MIN_VALUE;
            while (true) {
                scan.setLong(1, after);
                int rows = 0;
                try (ResultSet row = scan.executeQuery()) {
                    while (row.next()) {
                        rows++;
                        after = row.getLong(1);
                        Class<?> type = classes.computeIfAbsent(row.getString(3), ReplayWorkload::load);
                        CommitmentEvent event = (CommitmentEvent) mapper.readValue(row.getBytes(4), type);
                        upsert.setString(1, event.commitmentId());
                        upsert.setLong(2, row.getLong(2) + 1);
                        upsert.setString(3, template.title());
                        upsert.setString(4, template.summary());
                        upsert.setString(5, template.category());
                        upsert.setString(6, template.status());
                        upsert.setString(7, template.rating());
                        upsert.setObject(8, template.announcedOn(), Types.DATE);
                        upsert.setObject(9, template.dueBy(), Types.DATE);
                        upsert.setObject(10, template.nextDueBy(), Types.DATE);
                        upsert.setObject(11, template.lastActivityOn(), Types.DATE);
                        upsert.setArray(12, agencies);
                        upsert.setString(13, template.detail());
                        upsert.addBatch();
                    }
                }
                if (rows == 0) {
                    break;
                }
                upsert.executeBatch();
                connection.commit();
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("the raw replay failed", e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no event class " + name, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
