package org.commitmenttracker.query.web;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.commitmenttracker.service.web.ApiException;
import org.commitmenttracker.service.web.RetryLater;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Read-your-writes over an eventually consistent read model: a read with {@code ?minVersion=N}
 * answers once the read model has reached version N, or 504 after the wait (10 s).
 *
 * <p>A waiting read holds no request thread: it is a {@link DeferredResult} that one poller
 * thread checks, so the database sees one version query at a time whatever the number of
 * waits, and Tomcat's threads stay free for other reads. Waits are bounded, per client (the
 * signed-in user, else the address) and in total: beyond either bound the read is refused at
 * once, 429 or 503 with {@code Retry-After}. A read that needs no wait answers at once.
 */
@Component
public class MinVersion {

    private static final long POLL_MILLIS = 25;
    private static final long MAX_BACKOFF_MILLIS = 400;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final Duration wait;
    private final int maxWaits;
    private final int maxWaitsPerClient;
    private final Set<Waiter<?>> waiters = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> waitsByClient = new ConcurrentHashMap<>();
    private final AtomicInteger waits = new AtomicInteger();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(daemon("min-version-poll"));
    private final ExecutorService readers = Executors.newFixedThreadPool(2, daemon("min-version-read"));

    MinVersion(@Value("${tracker.read.min-version-wait:10s}") Duration wait,
               @Value("${tracker.read.min-version-max-waits:200}") int maxWaits,
               @Value("${tracker.read.min-version-max-waits-per-client:20}") int maxWaitsPerClient) {
        this.wait = wait;
        this.maxWaits = maxWaits;
        this.maxWaitsPerClient = maxWaitsPerClient;
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * The answer of {@code read} once {@code currentVersion} has reached {@code minVersion}: without
     * one, or when it is reached already, the answer itself, on the request's thread; else a
     * {@link DeferredResult} of it. A handler returns either as it is (its return type
     * {@code Object}, its answer's schema in an {@code @ApiResponse}): Spring MVC handles a
     * {@code DeferredResult} as asynchronous even when it holds its result already, and
     * dispatches the request a second time through the servlet and its filters.
     */
    public <T> Object then(String commitmentId, Long minVersion, Supplier<Optional<Long>> currentVersion,
                           Supplier<T> read) {
        if (minVersion != null && minVersion < 0) {
            throw ApiException.badRequest("minVersion must not be negative.");
        }
        if (minVersion == null || currentVersion.get().orElse(0L) >= minVersion) {
            return read.get();
        }
        // The container's own async timeout is a backstop only: the poller answers 504 first.
        DeferredResult<T> result = new DeferredResult<>(wait.toMillis() + 5_000, () -> timedOut(commitmentId, minVersion));
        String client = client();
        AtomicInteger ofClient = waitsByClient.computeIfAbsent(client, key -> new AtomicInteger());
        if (ofClient.incrementAndGet() > maxWaitsPerClient) {
            release(client, ofClient, false);
            throw RetryLater.tooManyRequests("You have " + maxWaitsPerClient + " reads waiting for a version already; "
                    + "retry once they have answered.", RETRY_AFTER);
        }
        if (waits.incrementAndGet() > maxWaits) {
            release(client, ofClient, true);
            throw RetryLater.busy("Too many reads are waiting for a version; retry shortly.", RETRY_AFTER);
        }
        Waiter<T> waiter = new Waiter<>(commitmentId, minVersion, currentVersion, read, result, client,
                System.nanoTime() + wait.toNanos());
        result.onCompletion(() -> finish(waiter));
        waiters.add(waiter);
        return result;
    }

    /** One pass over the waits that are due: answers those reached and those out of time. */
    private void poll() {
        long now = System.nanoTime();
        for (Waiter<?> waiter : waiters) {
            if (waiter.result.isSetOrExpired()) {
                finish(waiter);
            } else if (now >= waiter.nextCheck) {
                check(waiter, now);
            }
        }
    }

    private <T> void check(Waiter<T> waiter, long now) {
        try {
            if (waiter.currentVersion.get().orElse(0L) >= waiter.minVersion) {
                finish(waiter);
                readers.execute(() -> answer(waiter));
            } else if (now > waiter.deadline) {
                finish(waiter);
                waiter.result.setErrorResult(timedOut(waiter.commitmentId, waiter.minVersion));
            } else {
                waiter.backoff = Math.min(waiter.backoff * 2, MAX_BACKOFF_MILLIS);
                waiter.nextCheck = now + TimeUnit.MILLISECONDS.toNanos(waiter.backoff);
            }
        } catch (RejectedExecutionException e) {
            waiter.result.setErrorResult(ApiException.unavailable("The service is stopping; try again."));
        } catch (RuntimeException e) {
            finish(waiter);
            waiter.result.setErrorResult(e);
        }
    }

    private <T> void answer(Waiter<T> waiter) {
        try {
            waiter.result.setResult(waiter.read.get());
        } catch (RuntimeException e) {
            waiter.result.setErrorResult(e);
        }
    }

    private ApiException timedOut(String commitmentId, Long minVersion) {
        return ApiException.timeout("Commitment '" + commitmentId + "' has not reached version " + minVersion
                + " within " + wait.toSeconds() + " s; try again.");
    }

    /** Counts a wait out exactly once, however it ends. */
    private void finish(Waiter<?> waiter) {
        if (waiters.remove(waiter)) {
            AtomicInteger ofClient = waitsByClient.get(waiter.client);
            release(waiter.client, ofClient, true);
        }
    }

    private void release(String client, AtomicInteger ofClient, boolean counted) {
        if (counted) {
            waits.decrementAndGet();
        }
        if (ofClient != null && ofClient.decrementAndGet() <= 0) {
            waitsByClient.remove(client, ofClient);
        }
    }

    /** Waits now, for the operations view and tests. */
    int waiting() {
        return waits.get();
    }

    private static String client() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getUserPrincipal() != null ? "user:" + request.getUserPrincipal().getName()
                    : "address:" + request.getRemoteAddr();
        }
        return "unknown";
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
        readers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Waiter<T> {
        final String commitmentId;
        final long minVersion;
        final Supplier<Optional<Long>> currentVersion;
        final Supplier<T> read;
        final DeferredResult<T> result;
        final String client;
        final long deadline;
        long backoff = POLL_MILLIS;
        long nextCheck;

        Waiter(String commitmentId, long minVersion, Supplier<Optional<Long>> currentVersion, Supplier<T> read,
               DeferredResult<T> result, String client, long deadline) {
            this.commitmentId = commitmentId;
            this.minVersion = minVersion;
            this.currentVersion = currentVersion;
            this.read = read;
            this.result = result;
            this.client = client;
            this.deadline = deadline;
        }
    }
}
