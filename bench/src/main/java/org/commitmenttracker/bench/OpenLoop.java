package org.commitmenttracker.bench;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Commands on a fixed schedule (an open loop, as the lag workloads send them): a disbursement
 * every {@code 1 / rate} seconds, round-robin over the commitments, whatever the answers' pace;
 * each answer is queued with its version and the moment it came, for an observer to time.
 */
final class OpenLoop {

    /** A command's answer: the commitment, the version it answered, and when (System.nanoTime). */
    record Answered(String commitmentId, long version, long answeredAt) {
    }

    private OpenLoop() {
    }

    /** @return how many commands were sent, once every one was answered; a failed command fails the run */
    static int disburse(Http commands, List<String> commitments, double rate, Duration duration,
                        Queue<Answered> answered) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int sent = 0;
        for (long at = start; at < end && failure.get() == null; at += intervalNanos) {
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String commitmentId = commitments.get(sent++ % commitments.size());
            senders.execute(() -> {
                try {
                    long version = Http.version(Commands.disburse(commands, commitmentId));
                    answered.add(new Answered(commitmentId, version, System.nanoTime()));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        senders.shutdown();
        try {
            if (!senders.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("commands still running a minute after the last was sent");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a command sent on the schedule failed", failure.get());
        }
        return sent;
    }
}
