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
 * the 20 ms poll of {@code ?minVersion=}.
 */
final class LagWorkload {

    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

    private final BenchSystem system;
    private final Sizes sizes;
    private final Report report;
    private final List<String> commitments;

    LagWorkload(BenchSystem system, Sizes sizes, Report report, List<String> commitments) {
        this.system = system;
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
        for (int rep = 1; rep <= sizes.repetitions(); rep++) {
            system.awaitProjectionAtHead(Duration.ofMinutes(2));
            Run run = once(rate, sizes.repetition().multipliedBy(2));
            p99s.add(Stats.percentileMillis(run.lags(), 99));
            medians.add(Stats.percentileMillis(run.lags(), 50));
            achieved.add(run.rate());
            report.progress("lag rep %d: p99 %.1f ms, median %.1f ms at %.0f commands/s".formatted(rep,
                    p99s.get(rep - 1), medians.get(rep - 1), run.rate()));
        }
        report.result("lag_p99_ms", Stats.median(p99s), "ms");
        report.result("lag_median_ms", Stats.median(medians), "ms");
        report.result("lag_rate", Stats.median(achieved), "commands/s");
    }

    private record Run(long[] lags, double rate) {
    }

    private Run once(double rate, Duration duration) {
        ConcurrentLinkedQueue<OpenLoop.Answered> answered = new ConcurrentLinkedQueue<>();
        Observer observer = new Observer(answered);
        Thread observing = new Thread(observer, "bench-lag-observer");
        observing.start();
        int sent = OpenLoop.disburse(system.commands, commitments, rate, duration, answered);
        try {
            observer.finish();
            observing.join(Duration.ofMinutes(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (observer.failure != null) {
            throw new IllegalStateException("the lag observer failed", observer.failure);
        }
        if (observer.count < sent) {
            throw new IllegalStateException("only " + observer.count + " of " + sent + " commands became visible");
        }
        return new Run(Arrays.copyOf(observer.lags, observer.count), sent / (duration.toNanos() / 1e9));
    }

    /** Takes answered commands off the queue and notes when the read model first shows each. */
    private final class Observer implements Runnable {
        private final ConcurrentLinkedQueue<OpenLoop.Answered> answered;
        private volatile boolean finishing;
        private long[] lags = new long[1024];
        private int count;
        private Throwable failure;

        Observer(ConcurrentLinkedQueue<OpenLoop.Answered> answered) {
            this.answered = answered;
        }

        void finish() {
            finishing = true;
        }

        @Override
        public void run() {
            List<OpenLoop.Answered> waiting = new ArrayList<>();
            long giveUp = Long.MAX_VALUE;
            try (Connection connection = system.superuser();
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
