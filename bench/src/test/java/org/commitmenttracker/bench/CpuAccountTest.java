package org.commitmenttracker.bench;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The CPU notes of the append workloads put each thread's time where its work belongs. */
class CpuAccountTest {

    private static final String ENDED = "threads that ended (a repetition's own workers)";

    @Test
    void aBusyThreadIsCountedUnderWhatItDoesAndAnEndedOneUnderTheEndedThreads() throws InterruptedException {
        CpuAccount cpu = new CpuAccount(Map.of());

        CpuAccount.Reading before = cpu.read();
        CountDownLatch spun = new CountDownLatch(1);
        Thread projection = new Thread(() -> {
            spin(300);
            spun.countDown();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "WorkPackage[commitments]-0");
        projection.start();
        spun.await();
        CpuAccount.PerOperation live = cpu.between(before, cpu.read(), 1);
        projection.interrupt();
        projection.join();

        CpuAccount.Reading beforeEnded = cpu.read();
        Thread worker = new Thread(() -> spin(300), "bench-worker-0");
        worker.start();
        worker.join();
        CpuAccount.PerOperation ended = cpu.between(beforeEnded, cpu.read(), 1);

        // CPU time in the kernel's ticks of 10 ms; the test's own threads add a little
        assertThat(live.millis().get("commitments processor")).isBetween(280.0, 330.0);
        assertThat(ended.millis().get(ENDED)).isGreaterThanOrEqualTo(280.0);
        assertThat(ended.millis().get("commitments processor")).isZero();
    }

    /** Spins until this thread has had {@code millis} of CPU. */
    private static void spin(long millis) {
        var threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
        while (threads.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
        }
    }
}
