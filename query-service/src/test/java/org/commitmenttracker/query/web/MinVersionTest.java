package org.commitmenttracker.query.web;

import org.commitmenttracker.service.web.ApiException;
import org.commitmenttracker.service.web.RetryLater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Issue 15, finding 2: waits are answered by the poller, bounded per client and in total. */
class MinVersionTest {

    private final MinVersion minVersion = new MinVersion(Duration.ofSeconds(30), 3, 2);
    private final AtomicLong version = new AtomicLong(1);

    @AfterEach
    void stop() {
        minVersion.stop();
    }

    @Test
    void aReadWithoutMinVersionOrAlreadyReachedIsAnsweredAtOnceAndNotAsADeferredResult() {
        assertThat(minVersion.then("c-1", null, this::current, () -> "read")).isEqualTo("read");
        assertThat(minVersion.then("c-1", 1L, this::current, () -> "read")).isEqualTo("read");
        assertThat(minVersion.waiting()).isZero();
    }

    @Test
    void aWaitingReadIsAnsweredOnceTheVersionIsReachedAndHoldsNoCallerThread() {
        DeferredResult<?> result = waiting(minVersion.then("c-1", 3L, this::current, () -> "read at " + version.get()));

        assertThat(result.hasResult()).isFalse();
        assertThat(minVersion.waiting()).isEqualTo(1);
        version.set(3);
        await().atMost(Duration.ofSeconds(10)).until(result::hasResult);
        assertThat(result.getResult()).isEqualTo("read at 3");
        assertThat(minVersion.waiting()).isZero();
    }

    @Test
    void waitsBeyondTheClientsBoundAre429AndBeyondTheTotal503WithRetryAfter() {
        minVersion.then("c-1", 9L, this::current, () -> "read");
        minVersion.then("c-1", 9L, this::current, () -> "read");

        assertThatThrownBy(() -> minVersion.then("c-1", 9L, this::current, () -> "read"))
                .isInstanceOfSatisfying(RetryLater.class, refused -> {
                    assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(refused.retryAfter()).isPositive();
                });
        assertThat(minVersion.waiting()).isEqualTo(2);

        MinVersion small = new MinVersion(Duration.ofSeconds(30), 1, 2);
        try {
            small.then("c-1", 9L, this::current, () -> "read");
            assertThatThrownBy(() -> small.then("c-2", 9L, this::current, () -> "read"))
                    .isInstanceOfSatisfying(RetryLater.class, refused -> {
                        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(refused.retryAfter()).isPositive();
                    });
            assertThat(small.waiting()).isEqualTo(1);
        } finally {
            small.stop();
        }
    }

    @Test
    void aWaitThatEndsFreesItsPlace() {
        DeferredResult<?> first = waiting(minVersion.then("c-1", 2L, this::current, () -> "read"));
        minVersion.then("c-1", 9L, this::current, () -> "read");
        version.set(2);
        await().atMost(Duration.ofSeconds(10)).until(first::hasResult);

        assertThat(waiting(minVersion.then("c-1", 9L, this::current, () -> "read")).hasResult()).isFalse();
    }

    @Test
    void aWaitOutOfTimeIs504() {
        MinVersion quick = new MinVersion(Duration.ofMillis(100), 3, 2);
        try {
            DeferredResult<?> result = waiting(quick.then("c-1", 9L, this::current, () -> "read"));

            await().atMost(Duration.ofSeconds(10)).until(result::hasResult);
            assertThat(result.getResult()).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT));
            assertThat(quick.waiting()).isZero();
        } finally {
            quick.stop();
        }
    }

    @Test
    void aNegativeMinVersionIsABadRequest() {
        assertThatThrownBy(() -> minVersion.then("c-1", -1L, this::current, () -> "read"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    private Optional<Long> current() {
        return Optional.of(version.get());
    }

    private static DeferredResult<?> waiting(Object answer) {
        assertThat(answer).isInstanceOf(DeferredResult.class);
        return (DeferredResult<?>) answer;
    }
}
