package org.commitmenttracker.bench;

import org.commitmenttracker.events.log.Checkpoint;
import org.commitmenttracker.events.log.SignedNote;
import org.commitmenttracker.verifier.Export;
import org.commitmenttracker.verifier.Verification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code verify_all}: an auditor's verification of the whole log, in events per second: the
 * export over HTTP ({@code GET /api/export}) and the offline verifier on it (every chain, every
 * leaf, the tree at every checkpoint, every signature). The store is first filled with valid
 * events (as for {@code replay}: real payloads, correct chains), which the feed processor numbers
 * and the log appends like any other; the run waits until a checkpoint covers them all. The
 * baseline reads the same rows (the event store's, in feed order) in the same run and hashes their
 * payload and metadata once with SHA-256: the least any verification must do, so a floor.
 */
final class VerifyAllWorkload {

    private static final int EVENTS_PER_COMMITMENT = 50;

    private final BenchSystem system;
    private final Sizes sizes;
    private final Report report;

    VerifyAllWorkload(BenchSystem system, Sizes sizes, Report report) {
        this.system = system;
        this.sizes = sizes;
        this.report = report;
    }

    void run() {
        // the log holds what the feed holds: not the events the replay workload let the feed skip
        long logged = system.queryLong("SELECT count(*) FROM query.feed_event");
        long events = logged + fill(Math.max(1_000, sizes.replayEvents() / 10) - logged);
        Http auditor = Http.as(system.queries.baseUrl(), "auditor");
        String key = auditor.get("/api/log/key").trim();
        awaitCheckpointOf(events, auditor, key);
        report.note("verify_all: %d events (export over HTTP + the offline verifier, in one JVM); baseline: the same"
                .formatted(events) + " rows read by JDBC and hashed once with SHA-256");

        List<Double> verifies = new ArrayList<>();
        List<Double> raws = new ArrayList<>();
        for (int rep = 1; rep <= sizes.replayRepetitions(); rep++) {
            long start = System.nanoTime();
            Verification.Report verdict = Verification.verify(export(auditor), key, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!verdict.valid() || verdict.events() < events) {
                throw new IllegalStateException("verify_all: the log did not verify:\n" + verdict.text());
            }
            long verified = verdict.events();
            verifies.add(verified / seconds);
            double rawSeconds = rawScan(verified);
            raws.add(verified / rawSeconds);
            report.progress("verify_all rep %d: %.0f events/s (%.1f s), raw %.0f events/s (%.2f s)".formatted(rep,
                    verified / seconds, seconds, verified / rawSeconds, rawSeconds));
        }
        double verify = Stats.median(verifies);
        double raw = Stats.median(raws);
        report.result("verify_all_events", events, "events");
        report.result("verify_all", verify, "events/s");
        report.result("verify_all_raw", raw, "events/s");
        report.ratio("verify_all", verify / raw);
    }

    /** Inserts {@code missing} valid events (none when not positive); answers how many. */
    private long fill(long missing) {
        if (missing <= 0) {
            return 0;
        }
        long inserted = missing;
        report.progress("verify_all: inserting " + missing + " events");
        try (SyntheticEvents synthetic = new SyntheticEvents(system)) {
            for (int c = 0; missing > 0; c++) {
                int count = (int) Math.min(EVENTS_PER_COMMITMENT, missing);
                synthetic.appendStream("bench-verify-%06d".formatted(c), count);
                missing -= count;
            }
        }
        return inserted;
    }

    private void awaitCheckpointOf(long events, Http auditor, String key) {
        SignedNote.VerifierKey verifierKey = SignedNote.VerifierKey.parse(key);
        long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
        while (true) {
            try {
                String note = auditor.get("/api/log/checkpoint");
                if (Checkpoint.parse(SignedNote.open(note, verifierKey).orElseThrow()).size() >= events) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // no checkpoint yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no checkpoint covers the " + events + " events within an hour");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Export export(Http auditor) {
        try {
            HttpResponse<byte[]> response = auditor.client().send(auditor.request("/api/export").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/export answered " + response.statusCode());
            }
            return Export.read(new ByteArrayInputStream(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Seconds to read the payload and metadata of the first {@code events} of the log and hash them once. */
    private double rawScan(long events) {
        long start = System.nanoTime();
        long rows = 0;
        try (Connection connection = system.superuser()) {
            connection.setAutoCommit(false);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT e.payload, e.meta_data FROM query.feed_event f JOIN events.domain_event_entry e"
                            + " ON e.event_identifier = f.event_id WHERE f.position <= ? ORDER BY f.position")) {
                select.setLong(1, events);
                select.setFetchSize(1_000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        digest.update(rs.getBytes(1));
                        digest.digest(rs.getBytes(2));
                        rows++;
                    }
                }
            }
            connection.commit();
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (rows != events) {
            throw new IllegalStateException("the raw scan read " + rows + " rows, not " + events);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
