package org.commitmenttracker.query.subscription;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Webhook delivery: whether targets on loopback are allowed (the local stack and its tests
 * only), how often the worker looks for due deliveries, the HTTP timeouts, and the exponential
 * backoff between attempts at one event (initial delay, doubled per failure, up to the maximum),
 * and after how many failed attempts at one event the subscription is parked ({@code parkAfter}).
 * {@code maxSubscriptionsPerOwner} bounds what one integrator can make the worker deliver (issue 15,
 * finding 7): beyond it a creation is refused with 409.
 */
@ConfigurationProperties("tracker.webhooks")
record WebhookProperties(boolean allowLoopback, Duration pollInterval, Duration connectTimeout,
                         Duration requestTimeout, Retry retry, Integer parkAfter,
                         Integer maxSubscriptionsPerOwner) {

    record Retry(Duration initialDelay, Duration maxDelay) {
        Retry {
            initialDelay = initialDelay == null ? Duration.ofSeconds(10) : initialDelay;
            maxDelay = maxDelay == null ? Duration.ofHours(1) : maxDelay;
        }
    }

    WebhookProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        retry = retry == null ? new Retry(null, null) : retry;
        parkAfter = parkAfter == null ? 20 : parkAfter;
        if (parkAfter < 1) {
            throw new IllegalArgumentException("tracker.webhooks.park-after must be at least 1");
        }
        maxSubscriptionsPerOwner = maxSubscriptionsPerOwner == null ? 50 : maxSubscriptionsPerOwner;
        if (maxSubscriptionsPerOwner < 1) {
            throw new IllegalArgumentException("tracker.webhooks.max-subscriptions-per-owner must be at least 1");
        }
    }

    /** The wait after the n-th failed attempt at one event. */
    Duration backoff(int failures) {
        Duration delay = retry.initialDelay();
        for (int i = 1; i < failures && delay.compareTo(retry.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : delay;
    }
}
