package org.commitmenttracker.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code feed_catchup} (issue 19): an integrator catching up on the feed from the start, page
 * after page of {@code GET /api/events?after=<next>&limit=1000} (the largest page), each page
 * parsed, until the page's {@code next} reaches the {@code head} the first page gave; events per
 * second. The feed is first filled to N events (100,000 in a full run) with valid events
 * inserted into the store, which the feed processor numbers as it does for commands. The
 * baseline reads the same rows by keyset over JDBC ({@code WHERE position > ? ORDER BY position
 * LIMIT 1000}, every column the feed answers), one connection.
 */
final class FeedCatchupWorkload {

    private static final int PAGE = 1_000;
    private static final int EVENTS_PER_COMMITMENT = 50;

    private final BenchSystem system;
    private final Sizes sizes;
    private final Report report;

    FeedCatchupWorkload(BenchSystem system, Sizes sizes, Report report) {
        this.system = system;
        this.sizes = sizes;
        this.report = report;
    }

    void run() {
        long present = feedHead();
        fill(sizes.feedEvents() - present);
        awaitFeedHead(Math.max(present, sizes.feedEvents()));
        Http integrator = Http.as(system.queries.baseUrl(), "integrator");
        report.note("feed_catchup: %d events in the feed%s, pages of %d as integrator; baseline: a keyset scan of"
                .formatted(feedHead(), sizes.feedEvents() < Sizes.FULL_FEED ? " (full run: " + Sizes.FULL_FEED + ")" : "",
                        PAGE) + " query.feed_event by JDBC, same pages");
        // a first pass of each warms both up (the whole feed: its pages are the work)
        catchUp(integrator);
        rawScan();

        List<Double> pages = new ArrayList<>();
        List<Double> raws = new ArrayList<>();
        long events = 0;
        for (int rep = 1; rep <= Math.max(2, sizes.replayRepetitions()); rep++) {
            long start = System.nanoTime();
            events = catchUp(integrator);
            double seconds = (System.nanoTime() - start) / 1e9;
            long rawStart = System.nanoTime();
            long rawEvents = rawScan();
            double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
            pages.add(events / seconds);
            raws.add(rawEvents / rawSeconds);
            report.progress("feed_catchup rep %d: %.0f events/s (%.1f s), raw %.0f events/s (%.2f s)".formatted(rep,
                    events / seconds, seconds, rawEvents / rawSeconds, rawSeconds));
        }
        double feed = Stats.median(pages);
        double raw = Stats.median(raws);
        report.result("feed_catchup_events", events, "events");
        report.result("feed_catchup", feed, "events/s");
        report.result("feed_catchup_raw", raw, "events/s");
        report.ratio("feed_catchup", feed / raw);
    }

    /** Pages from the start to the head the first page gives; answers the events read. */
    private long catchUp(Http integrator) {
        long after = 0;
        long head = -1;
        long events = 0;
        while (head < 0 || after < head) {
            JsonNode page = Http.json(integrator.get("/api/events?after=" + after + "&limit=" + PAGE));
            if (head < 0) {
                head = page.get("head").asLong();
            }
            events += page.get("events").size();
            long next = page.get("next").asLong();
            if (next <= after) {
                throw new IllegalStateException("the feed's next did not advance past " + after + ": " + next);
            }
            after = Math.min(next, head);
        }
        if (events < head) {
            throw new IllegalStateException("read " + events + " events up to the head " + head);
        }
        return head;
    }

    /** The same rows and columns by keyset, a page at a time; answers the rows read. */
    private long rawScan() {
        long rows = 0;
        try (Connection connection = system.superuser();
             PreparedStatement page = connection.prepareStatement("SELECT position, event_id, commitment_id, sequence,"
                     + " type, revision, recorded_at, data, occurred_on FROM query.feed_event WHERE position > ?"
                     + " ORDER BY position LIMIT " + PAGE)) {
            long after = 0;
            while (true) {
                page.setLong(1, after);
                int read = 0;
                try (ResultSet row = page.executeQuery()) {
                    while (row.next()) {
                        after = row.getLong(1);
                        row.getString(2);
                        row.getString(3);
                        row.getLong(4);
                        row.getString(5);
                        row.getString(6);
                        row.getTimestamp(7);
                        row.getString(8);
                        row.getString(9);
                        read++;
                    }
                }
                if (read == 0) {
                    return rows;
                }
                rows += read;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long feedHead() {
        return system.queryLong("SELECT coalesce(max(position), 0) FROM query.feed_event");
    }

    private void fill(long missing) {
        if (missing <= 0) {
            return;
        }
        report.progress("feed_catchup: inserting " + missing + " events");
        try (SyntheticEvents synthetic = new SyntheticEvents(system)) {
            for (int c = 0; missing > 0; c++) {
                int count = (int) Math.min(EVENTS_PER_COMMITMENT, missing);
                synthetic.appendStream("bench-feed-%06d".formatted(c), count);
                missing -= count;
            }
        }
    }

    /** Until the feed processor has numbered {@code events} events. */
    private void awaitFeedHead(long events) {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (feedHead() < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the feed holds " + feedHead() + " events, not " + events);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
