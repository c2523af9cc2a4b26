package org.commitmenttracker.service.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a task soon on an executor when triggered; triggers that come while a run is waiting to
 * start are one run. So a burst of signals (commits, fetched events) costs one run, and a signal
 * that comes while the task runs still gets a run after it. Triggers after the executor is shut
 * down are dropped.
 */
public final class CoalescingTrigger {

    private final Executor executor;
    private final Runnable task;
    private final AtomicBoolean pending = new AtomicBoolean();

    public CoalescingTrigger(Executor executor, Runnable task) {
        this.executor = executor;
        this.task = task;
    }

    public void trigger() {
        if (pending.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    pending.set(false);
                    task.run();
                });
            } catch (RejectedExecutionException shutDown) {
                pending.set(false);
            }
        }
    }
}
