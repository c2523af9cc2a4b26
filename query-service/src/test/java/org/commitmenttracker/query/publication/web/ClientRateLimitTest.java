package org.commitmenttracker.query.publication.web;

import org.commitmenttracker.query.publication.PublicationProperties.RateLimit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket per client address, on a clock the test moves by hand. */
class ClientRateLimitTest {

    private final AtomicLong now = new AtomicLong();
    private final ClientRateLimit limit = new ClientRateLimit(new RateLimit(3, Duration.ofSeconds(30)), now::get);

    @Test
    void aClientMayUseItsWholeBucketAndIsThenToldWhenTheNextTokenComes() {
        assertThat(limit.take("192.0.2.1")).isEmpty();
        assertThat(limit.take("192.0.2.1")).isEmpty();
        assertThat(limit.take("192.0.2.1")).isEmpty();

        assertThat(limit.take("192.0.2.1")).hasValue(10);
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(limit.take("192.0.2.1")).hasValue(6);
    }

    @Test
    void tokensComeBackEvenlyButNeverBeyondTheBucket() {
        for (int i = 0; i < 3; i++) {
            limit.take("192.0.2.1");
        }

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(limit.take("192.0.2.1")).isEmpty();
        assertThat(limit.take("192.0.2.1")).isPresent();

        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(limit.take("192.0.2.1")).isEmpty();
        assertThat(limit.take("192.0.2.1")).isEmpty();
        assertThat(limit.take("192.0.2.1")).isEmpty();
        assertThat(limit.take("192.0.2.1")).isPresent();
    }

    @Test
    void eachAddressHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            limit.take("192.0.2.1");
        }

        assertThat(limit.take("192.0.2.1")).isPresent();
        assertThat(limit.take("192.0.2.2")).isEmpty();
    }
}
