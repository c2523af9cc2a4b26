package org.commitmenttracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The benchmark of issue 8 (see BENCHMARKS.md): starts its own PostgreSQL and both services,
 * runs each workload after a warm-up, several times, and prints a figure per line next to the
 * same work done on raw PostgreSQL in the same run. {@code bench/run.sh [--quick]} runs it.
 */
public final class Bench {

    private Bench() {
    }

    /** The workloads, by the names {@code --only=} takes, in the order a run takes them. */
    static final List<String> WORKLOADS = List.of("append", "lag", "long_stream", "replay", "detail_read", "stream_fanout",
            "verify_all", "feed_catchup", "kafka");

    public static void main(String[] args) {
        Sizes sizes = Sizes.fromArguments(args);
        Set<String> only = new LinkedHashSet<>(WORKLOADS);
        boolean durable = false;
        for (String arg : args) {
            durable |= arg.equals("--durable");
            if (arg.startsWith("--only=")) {
                only = new LinkedHashSet<>(List.of(arg.substring("--only=".length()).split(",")));
                if (!WORKLOADS.containsAll(only)) {
                    throw new IllegalArgumentException("--only= takes some of " + WORKLOADS + ", not " + only);
                }
            }
        }
        run(sizes, only, durable, new Report(System.out));
        // The embedded PostgreSQL's and the services' pools leave non-daemon threads behind.
        System.exit(0);
    }

    static void run(Sizes sizes, Report report) {
        run(sizes, Set.copyOf(WORKLOADS), false, report);
    }

    /**
     * Runs the named workloads ({@code lag} and {@code kafka} run {@code append} too: they offer half its rate);
     * {@code durable}: on a PostgreSQL with fsync and synchronous_commit on (issue 19), the
     * system and the baselines alike, under the same RESULT and RATIO names.
     */
    static void run(Sizes sizes, Set<String> only, boolean durable, Report report) {
        describe(sizes, report);
        report.note("database settings: " + (durable ? "durable (--durable: fsync on, synchronous_commit on)"
                : "zonky's test defaults (fsync off, synchronous_commit off); --durable turns both on"));
        report.progress("starting PostgreSQL, both services and the peer");
        CompletableFuture<EmbeddedKafkaKraftBroker> broker = only.contains("kafka") ? KafkaWorkload.startBroker() : null;
        try (BenchSystem system = BenchSystem.start(durable)) {
            report.note("PostgreSQL " + system.setting("server_version") + " (embedded, temporary): fsync "
                    + system.setting("fsync") + ", synchronous_commit " + system.setting("synchronous_commit")
                    + ", shared_buffers " + system.setting("shared_buffers") + "; both services, the load and the"
                    + " baselines in one JVM, HTTP/1.1 keep-alive, HTTP Basic as officer");
            List<String> commitments = openCommitments(system, sizes, report);
            boolean append = only.contains("append") || only.contains("lag") || only.contains("kafka");
            double appendC8 = 0;
            if (append) {
                // the same system with the log switched off (issue 14), measured alternately with this one
                try (BenchSystem withoutLog = startWithoutLog(system, commitments, report)) {
                    appendC8 = new AppendWorkload(system, withoutLog, sizes, report, commitments).run();
                    if (only.contains("lag")) {
                        new LagWorkload(system, withoutLog, sizes, report, commitments).run(appendC8 / 2);
                    }
                    describeLogStorage(system, report);
                }
            }
            if (only.contains("long_stream")) {
                new LongStreamWorkload(system, sizes, report).run();
            }
            if (only.contains("replay")) {
                new ReplayWorkload(system, sizes, report).run();
            }
            if (only.contains("detail_read")) {
                new DetailReadWorkload(system, sizes, report).run();
            }
            if (only.contains("stream_fanout")) {
                new StreamFanoutWorkload(system, sizes, report).run();
            }
            if (only.contains("verify_all")) {
                new VerifyAllWorkload(system, sizes, report).run();
            }
            if (only.contains("feed_catchup")) {
                new FeedCatchupWorkload(system, sizes, report).run();
            }
            if (only.contains("kafka")) {
                new KafkaWorkload(system, sizes, report, commitments).run(appendC8 / 2, broker.join());
            }
            report.progress("done");
        } finally {
            if (broker != null) {
                KafkaWorkload.stopBroker(broker);
            }
        }
    }

    /** The commitments the commands go to, each announced with a pledge far above what the run disburses. */
    private static List<String> openCommitments(BenchSystem system, Sizes sizes, Report report) {
        report.progress("announcing " + sizes.commitments() + " commitments");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < sizes.commitments(); i++) {
            ids.add("bench-%04d".formatted(i));
        }
        open(system, ids);
        report.note("append: FundsDisbursed over " + ids.size() + " commitments"
                + (ids.size() < Sizes.FULL_COMMITMENTS ? " (full run: " + Sizes.FULL_COMMITMENTS + ")" : ""));
        return ids;
    }

    private static void open(BenchSystem system, List<String> ids) {
        Parallel.forEach(8, ids.size(), i -> Commands.open(system.commands, ids.get(i)));
    }

    /** {@link BenchSystem#withoutLog()}, with the same commitments opened. */
    private static BenchSystem startWithoutLog(BenchSystem system, List<String> commitments, Report report) {
        report.progress("starting the same services with the log switched off, on a database of their own");
        BenchSystem withoutLog = system.withoutLog();
        try {
            open(withoutLog, commitments);
        } catch (RuntimeException e) {
            withoutLog.close();
            throw e;
        }
        if ("on".equals(System.getenv("BENCH_LOG_CONTROL"))) {
            report.note("log cost: CONTROL RUN (BENCH_LOG_CONTROL=on): the second system keeps the log too, so the"
                    + " *_nolog figures and the log ratios compare two systems that both have it");
        }
        report.note("log cost (issue 14): a second command and query service on a database of their own (\""
                + BenchSystem.NO_LOG_DATABASE + "\") on the same PostgreSQL, with tracker.log.enabled=false (no leaf"
                + " appended, nothing signed), the same " + commitments.size() + " commitments; append_c8 and lag run on"
                + " both alternately, repetition by repetition; the idle one stays up");
        return withoutLog;
    }

    /** What the log keeps on disk per event, at this point of the run. */
    private static void describeLogStorage(BenchSystem system, Report report) {
        long events = system.queryLong("SELECT count(*) FROM query.feed_event");
        long rows = system.queryLong("SELECT count(*) FROM query.log_node");
        long bytes = system.queryLong("SELECT pg_total_relation_size('query.log_node')");
        long checkpoints = system.queryLong("SELECT count(*) FROM query.log_checkpoint");
        report.note("log storage: query.log_node holds %d rows in %d kB with its index for %d events in the feed (%.0f bytes"
                .formatted(rows, bytes / 1024, events, events == 0 ? 0.0 : (double) bytes / events)
                + " an event); " + checkpoints + " checkpoints signed");
    }

    private static void describe(Sizes sizes, Report report) {
        report.note("mode " + sizes.mode() + "; " + sizes.repetitions() + " repetitions of " + sizes.repetition().toMillis()
                + " ms after a warm-up of at least " + sizes.warmUp().toMillis() + " ms that runs on until successive windows"
                + " agree within " + Math.round(ClosedLoop.STABLE_WITHIN * 100) + " % (at most " + sizes.warmUpLimit().toMillis()
                + " ms; a baseline's a quarter of both);"
                + " figures are medians over repetitions");
        report.note("machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores; JDK "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "; virtual threads " + (Boolean.getBoolean("spring.threads.virtual.enabled") ? "on" : "off"));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
