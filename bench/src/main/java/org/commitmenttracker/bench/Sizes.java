package org.commitmenttracker.bench;

import java.time.Duration;

/**
 * How much each workload does. {@code full} is the run of issue 8; {@code quick} stays under
 * five minutes on two cores, its warm-ups as long as the full run's least (issue 19: three
 * seconds left the JIT cold); {@code tiny} only proves, in the test, that every figure comes out.
 */
record Sizes(String mode, int commitments, Duration warmUp, Duration warmUpLimit, Duration repetition, int repetitions,
             int longStreamEvents, int longStreamCommands, int replayEvents, int replayRepetitions,
             int detailCommitments, int fanoutClients, Duration fanoutDuration, int feedEvents) {

    static final int FULL_COMMITMENTS = 1_000;
    static final int FULL_LONG_STREAM = 10_000;
    static final int FULL_REPLAY = 1_000_000;
    static final int FULL_DETAIL = 10_000;
    static final int FULL_FEED = 100_000;

    static Sizes full() {
        return new Sizes("full", FULL_COMMITMENTS, Duration.ofSeconds(30), Duration.ofSeconds(45), Duration.ofSeconds(10), 5,
                FULL_LONG_STREAM, 300, FULL_REPLAY, 3, FULL_DETAIL, 100, Duration.ofSeconds(10), FULL_FEED);
    }

    static Sizes quick() {
        // warm-ups stop at 25 s (full: 45 s), their baselines' at 6.25 s (full: 11.25 s): the five minutes
        return new Sizes("quick", 200, Duration.ofSeconds(20), Duration.ofSeconds(25), Duration.ofSeconds(2), 3,
                2_000, 150, 50_000, 1, 1_000, 100, Duration.ofSeconds(3), 10_000);
    }

    static Sizes tiny() {
        return new Sizes("tiny", 16, Duration.ofMillis(300), Duration.ofMillis(450), Duration.ofMillis(300), 2,
                150, 10, 1_500, 1, 100, 5, Duration.ofMillis(300), 300);
    }

    /** The warm-up of a workload's system side: at least {@link #warmUp()}, then until stable, at most {@link #warmUpLimit()}. */
    ClosedLoop.WarmUp warmUp(int concurrency, java.util.function.IntFunction<ClosedLoop.Worker> newWorker) {
        return ClosedLoop.warmUp(concurrency, warmUp(), warmUpLimit(), repetition(), newWorker);
    }

    /**
     * The warm-up of a baseline, whose code the system's warm-up has mostly compiled: a quarter of
     * the system's, then until stable, at most a quarter of its limit.
     */
    ClosedLoop.WarmUp baselineWarmUp(int concurrency, java.util.function.IntFunction<ClosedLoop.Worker> newWorker) {
        return ClosedLoop.warmUp(concurrency, warmUp().dividedBy(4), warmUpLimit().dividedBy(4), repetition(), newWorker);
    }

    static Sizes fromArguments(String... args) {
        Sizes sizes = full();
        for (String arg : args) {
            if (arg.startsWith("--only=") || arg.equals("--durable")) {
                continue; // which workloads and which database settings, not how large (Bench.main)
            }
            sizes = switch (arg) {
                case "--quick" -> quick();
                case "--tiny" -> tiny();
                case "--full" -> full();
                default -> throw new IllegalArgumentException("unknown argument " + arg + " (use --quick, --full or --tiny, and --only= and --durable)");
            };
        }
        return sizes;
    }
}
