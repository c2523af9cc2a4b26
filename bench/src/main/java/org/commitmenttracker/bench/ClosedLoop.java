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
