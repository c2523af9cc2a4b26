package org.commitmenttracker.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code lag_p99_ms}: the time from a command's 2xx answer until the read model shows the
 * commitment at the version the command answered, at a steady offered rate of half the
 * measured {@code append_c8} (open loop: commands leave on a schedule, not when the last one
 * returns). An observer reads {@code query.commitment} directly every 2 ms, which is finer than
 * the 20 ms poll of {@code ?minVersion=}. Each repetition runs twice, on the system and on the same
 * system with the log switched off ({@code lag_p99_ms_nolog}), at the same offered rate, in turns:
 * the system without the log first in even repetitions.
 */
final class LagWorkload {

    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

    private final BenchSystem system;
    private final BenchSystem withoutLog;
    private final Sizes sizes;
    private final Report report;
    private final List<String> commitments;

    LagWorkload(BenchSystem system, BenchSystem withoutLog, Sizes sizes, Report report, List<String> commitments) {
        this.system = system;
        this.withoutLog = withoutLog;
        this.sizes = sizes;
        this.report = report;
        this.commitments = commitments;
    }

    void run(double rate) {
        report.note("lag: offered rate %.1f commands/s (half of append_c8), %s per repetition, read model polled every 2 ms"
                .formatted(rate, sizes.repetition().multipliedBy(2)));
        List<Double> p99s = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        List<Double> achieved = new ArrayList<>();
        List<Double> noLogP99s = new ArrayList<>();
        List<Double> noLogMedians = new ArrayList<>();
        List<Long> longestPauses = new ArrayList<>();
        for (int rep = 1; rep <= sizes.repetitions(); rep++) {
            // the pair in turns: the system without the log first in even repetitions
            if (rep % 2 == 0) {
                noLogRepetition(rep, rate, noLogP99s, noLogMedians);
            }
            settle();
            Run run = once(system, rate, sizes.repetition().multipliedBy(2));
            p99s.add(Stats.percentileMillis(run.lags(), 99));
            medians.add(Stats.percentileMillis(run.lags(), 50));
            achieved.add(run.rate());
            report.progress("lag rep %d: p99 %.1f ms, median %.1f ms at %.0f commands/s; %s".formatted(rep,
                    p99s.get(rep - 1), medians.get(rep - 1), run.rate(), run.gc()));
            longestPauses.add(run.gc().longestMillis());

            if (rep % 2 == 1) {
                noLogRepetition(rep, rate, noLogP99s, noLogMedians);
            }
        }
        double p99 = Stats.median(p99s);
        double noLogP99 = Stats.median(noLogP99s);
        report.result("lag_p99_ms", p99, "ms");
        report.result("lag_median_ms", Stats.median(medians), "ms");
        report.result("lag_rate", Stats.median(achieved), "commands/s");
        report.result("lag_p99_ms_nolog", noLogP99, "ms");
        report.result("lag_median_ms_nolog", Stats.median(noLogMedians), "ms");
        report.ratio("log_lag", p99 / noLogP99);
        report.note("lag: the longest GC pause of the JVM (both systems, the load and the baselines share its heap)"
                + " in each repetition of lag_p99_ms: %s ms".formatted(longestPauses));
        report.note("lag_p99_ms_nolog: the same schedule on the same services with the log switched off, alternating"
                + " with lag_p99_ms; RATIO log_lag = lag_p99_ms / lag_p99_ms_nolog (lower is better), 1 when the log"
                + " delays the read model nothing");
    }

    private record Run(long[] lags, double rate, GcPauses.Summary gc) {
    }

    private void noLogRepetition(int rep, double rate, List<Double> p99s, List<Double> medians) {
        settle();
        Run noLog = once(withoutLog, rate, sizes.repetition().multipliedBy(2));
        p99s.add(Stats.percentileMillis(noLog.lags(), 99));
        medians.add(Stats.percentileMillis(noLog.lags(), 50));
        report.progress("lag rep %d without the log: p99 %.1f ms, median %.1f ms at %.0f commands/s; %s".formatted(rep,
                p99s.get(rep - 1), medians.get(rep - 1), noLog.rate(), noLog.gc()));
    }

    /** Every processor of both systems past its newest event: neither pays for leftovers (the in-process append's burst). */
    private void settle() {
        system.awaitEveryProcessorAtHead(Duration.ofMinutes(2));
        withoutLog.awaitEveryProcessorAtHead(Duration.ofMinutes(2));
    }

    private Run once(BenchSystem target, double rate, Duration duration) {
        ConcurrentLinkedQueue<OpenLoop.Answered> answered = new ConcurrentLinkedQueue<>();
        Observer observer = new Observer(target, answered);
        Thread observing = new Thread(observer, "bench-lag-observer");
        try (GcPauses pauses = new GcPauses()) {
            observing.start();
            int sent = OpenLoop.disburse(target.commands, commitments, rate, duration, answered);
            try {
                observer.finish();
                observing.join(Duration.ofMinutes(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return finished(observer, sent, duration, pauses.summary());
        }
    }

    private static Run finished(Observer observer, int sent, Duration duration, GcPauses.Summary gc) {
        if (observer.failure != null) {
            throw new IllegalStateException("the lag observer failed", observer.failure);
        }
        if (observer.count < sent) {
            throw new IllegalStateException("only " + observer.count + " of " + sent + " commands became visible");
        }
        return new Run(Arrays.copyOf(observer.lags, observer.count), sent / (duration.toNanos() / 1e9), gc);
    }

    /** Takes answered commands off the queue and notes when the read model first shows each. */
    private static final class Observer implements Runnable {
        private final BenchSystem target;
        private final ConcurrentLinkedQueue<OpenLoop.Answered> answered;
        private volatile boolean finishing;
        private long[] lags = new long[1024];
        private int count;
        private Throwable failure;

        Observer(BenchSystem target, ConcurrentLinkedQueue<OpenLoop.Answered> answered) {
            this.target = target;
            this.answered = answered;
        }

        void finish() {
            finishing = true;
        }

        @Override
        public void run() {
            List<OpenLoop.Answered> waiting = new ArrayList<>();
            long giveUp = Long.MAX_VALUE;
            try (Connection connection = target.superuser();
                 PreparedStatement versions = connection.prepareStatement(
                         "SELECT id, version FROM query.commitment WHERE id = ANY (?)")) {
                while (true) {
                    for (OpenLoop.Answered next; (next = answered.poll()) != null; ) {
                        waiting.add(next);
                    }
                    if (finishing && waiting.isEmpty() && answered.isEmpty()) {
                        return;
                    }
                    if (finishing && giveUp == Long.MAX_VALUE) {
                        giveUp = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                    }
                    if (System.nanoTime() > giveUp) {
                        return;
                    }
                    if (!waiting.isEmpty()) {
                        Map<String, Long> current = read(connection, versions, waiting);
                        long now = System.nanoTime();
                        waiting.removeIf(pending -> {
                            Long version = current.get(pending.commitmentId());
                            if (version == null || version < pending.version()) {
                                return false;
                            }
                            record(Math.max(0, now - pending.answeredAt()));
                            return true;
                        });
                    }
                    LockSupport.parkNanos(POLL_NANOS);
                }
            } catch (Throwable e) {
                failure = e;
            }
        }

        private Map<String, Long> read(Connection connection, PreparedStatement versions, List<OpenLoop.Answered> waiting)
                throws SQLException {
            Array ids = connection.createArrayOf("varchar",
                    waiting.stream().map(OpenLoop.Answered::commitmentId).distinct().toArray());
            versions.setArray(1, ids);
            Map<String, Long> current = new HashMap<>();
            try (ResultSet rows = versions.executeQuery()) {
                while (rows.next()) {
                    current.put(rows.getString(1), rows.getLong(2));
                }
            }
            return current;
        }

        private void record(long lag) {
            if (count == lags.length) {
                lags = Arrays.copyOf(lags, count * 2);
            }
            lags[count++] = lag;
        }
    }
}
