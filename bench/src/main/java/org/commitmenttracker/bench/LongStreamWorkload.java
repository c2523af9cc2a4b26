package org.commitmenttracker.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code long_stream}: the median latency of a command on a commitment with many earlier
 * events (10,000 in a full run) over that on a fresh one. The long stream is written straight
 * into the event store ({@link SyntheticEvents}), as after a restart of the command service: the
 * warm-up's first command loads all of it and the service takes its first snapshot, so what is
 * measured is the steady state the snapshots and the aggregate cache give. Commands on the
 * long and on the fresh commitments alternate, so both see the same weather.
 */
final class LongStreamWorkload {

    static final String LONG = "bench-long-stream";

    private final BenchSystem system;
    private final Sizes sizes;
    private final Report report;

    LongStreamWorkload(BenchSystem system, Sizes sizes, Report report) {
        this.system = system;
        this.sizes = sizes;
        this.report = report;
    }

    void run() {
        Http commands = system.commands;
        report.progress("long_stream: writing a stream of " + sizes.longStreamEvents() + " events");
        try (SyntheticEvents events = new SyntheticEvents(system)) {
            events.appendStream(LONG, sizes.longStreamEvents());
        }
        // Few commands each, so every fresh commitment stays far below a snapshot's worth of events.
        int fresh = Math.max(8, sizes.longStreamCommands() * (sizes.repetitions() + 1) / 5);
        List<String> freshIds = new ArrayList<>();
        for (int i = 0; i < fresh; i++) {
            freshIds.add("bench-fresh-%04d".formatted(i));
        }
        Parallel.forEach(8, fresh, i -> Commands.open(commands, freshIds.get(i)));
        system.awaitProjectionAtHead(Duration.ofMinutes(2));
        report.note("long_stream: " + sizes.longStreamEvents() + " earlier events"
                + (sizes.longStreamEvents() < Sizes.FULL_LONG_STREAM ? " (full run: " + Sizes.FULL_LONG_STREAM + ")" : "")
                + " against " + fresh + " fresh commitments of 2 events; " + sizes.longStreamCommands()
                + " commands each per repetition, alternating, at concurrency 1");

        int[] nextFresh = {0};
        alternate(sizes.longStreamCommands() / 2, freshIds, nextFresh); // warm-up
        CacheWatch cache = new CacheWatch(system);
        CacheWatch.Counts before = cache.now();
        List<Double> longMedians = new ArrayList<>();
        List<Double> freshMedians = new ArrayList<>();
        for (int rep = 1; rep <= sizes.repetitions(); rep++) {
            long[][] latencies = alternate(sizes.longStreamCommands(), freshIds, nextFresh);
            longMedians.add(Stats.percentileMillis(latencies[0], 50));
            freshMedians.add(Stats.percentileMillis(latencies[1], 50));
            report.progress("long_stream rep %d: %.2f ms long, %.2f ms fresh".formatted(rep,
                    longMedians.get(rep - 1), freshMedians.get(rep - 1)));
        }
        double longMedian = Stats.median(longMedians);
        double freshMedian = Stats.median(freshMedians);
        report.result("long_stream_ms", longMedian, "ms");
        report.result("long_stream_fresh_ms", freshMedian, "ms");
        report.ratio("long_stream", longMedian / freshMedian);
        report.note("long_stream: " + cache.now().since(before).describe());
    }

    /** {@code count} commands on the long stream and as many on fresh commitments, one after the other. */
    private long[][] alternate(int count, List<String> freshIds, int[] nextFresh) {
        long[] onLong = new long[count];
        long[] onFresh = new long[count];
        for (int i = 0; i < count; i++) {
            long before = System.nanoTime();
            Commands.disburse(system.commands, LONG);
            long between = System.nanoTime();
            Commands.disburse(system.commands, freshIds.get(nextFresh[0]++ % freshIds.size()));
            onLong[i] = between - before;
            onFresh[i] = System.nanoTime() - between;
        }
        return new long[][]{onLong, onFresh};
    }
}
