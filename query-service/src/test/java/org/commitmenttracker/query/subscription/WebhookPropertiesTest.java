package org.commitmenttracker.query.subscription;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPropertiesTest {

    @Test
    void retriesBackOffExponentiallyUpToTheMaximum() {
        WebhookProperties properties = new WebhookProperties(false, null, null, null,
                new WebhookProperties.Retry(Duration.ofSeconds(10), Duration.ofMinutes(1)), null, null);

        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backoff(1000)).isEqualTo(Duration.ofMinutes(1));
    }
}
