package org.commitmenttracker.query.web;

import org.commitmenttracker.service.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Read-your-writes over an eventually consistent read model: a read with {@code ?minVersion=N}
 * answers once the read model has reached version N, or 504 after the wait (10 s).
 */
@Component
public class MinVersion {

    private static final long POLL_MILLIS = 20;

    private final Duration wait;

    MinVersion(@Value("${tracker.read.min-version-wait:10s}") Duration wait) {
        this.wait = wait;
    }

    /** Waits until {@code currentVersion} reaches {@code minVersion}; without one, answers at once. */
    public void await(String commitmentId, Long minVersion, Supplier<Optional<Long>> currentVersion) {
        if (minVersion == null) {
            return;
        }
        if (minVersion < 0) {
            throw ApiException.badRequest("minVersion must not be negative.");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (currentVersion.get().orElse(0L) < minVersion) {
            if (System.nanoTime() > deadline) {
                throw ApiException.timeout("Commitment '" + commitmentId + "' has not reached version " + minVersion
                        + " within " + wait.toSeconds() + " s; try again.");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApiException.unavailable("The read was interrupted.");
            }
        }
    }
}
