package org.commitmenttracker.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A fixed number of workers, each doing one operation after another for a fixed time, as
 * many clients that each wait for their answer before asking again. Every latency is kept.
 * A failed operation fails the whole run: a benchmark that counts errors as work lies.
 */
final class ClosedLoop {

    /** One worker's operation; it is created and closed outside the measured time. */
    interface Worker extends AutoCloseable {
        void call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    record Outcome(long operations, double seconds, long[] latenciesNanos) {
        double perSecond() {
            return operations / seconds;
        }

        double p99Millis() {
            return Stats.percentileMillis(latenciesNanos, 99);
        }

        double medianMillis() {
            return Stats.percentileMillis(latenciesNanos, 50);
        }
    }

    private ClosedLoop() {
    }

    /** Successive warm-up windows whose rates differ by at most this fraction count as stable. */
    static final double STABLE_WITHIN = 0.05;
    private static final int STABLE_WINDOWS = 3;

    /** How a warm-up ended: its length, whether the rate had settled, and its last windows' rates. */
    record WarmUp(double seconds, boolean stable, List<Double> lastRates) {
        String describe() {
            return "%.1f s, %s (last windows: %s per s)".formatted(seconds,
                    stable ? "stable within " + Math.round(STABLE_WITHIN * 100) + " %" : "not stable, stopped at its limit",
                    lastRates.stream().map(rate -> "%.0f".formatted(rate)).toList());
        }
    }

    /**
     * Runs the operation in windows of {@code window} until at least {@code minimum} has passed
     * and the last three windows' rates lie within {@link #STABLE_WITHIN} of each other (the JIT
     * and the caches have settled), or until {@code maximum}. A short fixed warm-up left the JIT
     * cold and made quick runs mispredict full ones (issue 19).
     */
    static WarmUp warmUp(int concurrency, Duration minimum, Duration maximum, Duration window,
                         IntFunction<Worker> newWorker) {
        long start = System.nanoTime();
        List<Double> rates = new ArrayList<>();
        while (true) {
            rates.add(run(concurrency, window, newWorker).perSecond());
            long elapsed = System.nanoTime() - start;
            List<Double> last = rates.subList(Math.max(0, rates.size() - STABLE_WINDOWS), rates.size());
            boolean stable = last.size() == STABLE_WINDOWS && spread(last) <= STABLE_WITHIN;
            if ((elapsed >= minimum.toNanos() && stable) || elapsed >= maximum.toNanos()) {
                return new WarmUp(elapsed / 1e9, stable, List.copyOf(last));
            }
        }
    }

    private static double spread(List<Double> rates) {
        double max = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = rates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return max <= 0 ? 1 : (max - min) / max;
    }

    static Outcome run(int concurrency, Duration duration, IntFunction<Worker> newWorker) {
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        long[] start = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1024];
                int count = 0;
                try (Worker operation = newWorker.apply(worker)) {
                    ready.countDown();
                    go.await();
                    long deadline = start[0] + duration.toNanos();
                    while (failure.get() == null) {
                        long before = System.nanoTime();
                        if (before >= deadline) {
                            break;
                        }
                        operation.call();
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, count * 2);
                        }
                        mine[count++] = System.nanoTime() - before;
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    ready.countDown();
                } finally {
                    latencies[worker] = mine;
                    counts[worker] = count;
                }
            }, "bench-worker-" + w);
            threads.add(thread);
            thread.start();
        }
        try {
            ready.await();
            start[0] = System.nanoTime();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - start[0]) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("a benchmark operation failed", failure.get());
        }
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        return new Outcome(total, seconds, all);
    }
}
