package org.commitmenttracker.query.subscription;

import jakarta.annotation.PreDestroy;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.commitmenttracker.query.feed.Feed;
import org.commitmenttracker.query.feed.FeedCloudEvents;
import org.commitmenttracker.query.feed.FeedEvent;
import org.commitmenttracker.query.feed.FeedFilter;
import org.commitmenttracker.service.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the feed to each subscription after its own cursor, one event at a time and in
 * feed order (so in order per commitment), signed per Standard Webhooks. A 2xx answer moves
 * the cursor on; anything else is retried with exponential backoff, and only that
 * subscription waits: requests are asynchronous, so a slow or failing target holds no thread
 * and no other subscription. After {@code parkAfter} failed attempts at one event the
 * subscription is parked until its owner resumes it. Every attempt is recorded. At least once:
 * a crash between a delivery and its record means the event is sent again (same {@code webhook-id}).
 * Plain HTTP/1.1: no {@code Upgrade: h2c} offer, which some receivers refuse.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int LEASE_BATCH = 50;
    private static final ContentType CLOUD_EVENT = ContentType.create("application/cloudevents+json", StandardCharsets.UTF_8);

    private final Subscriptions subscriptions;
    private final Feed feed;
    private final FeedCloudEvents cloudEvents;
    private final WebhookProperties properties;
    private final Clock clock;
    private final Duration lease;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, daemon("webhook-worker"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("webhook-poll"));
    private final WebhookClient http;

    WebhookDispatcher(Subscriptions subscriptions, Feed feed, FeedCloudEvents cloudEvents, TargetPolicy targets,
                      WebhookProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.feed = feed;
        this.cloudEvents = cloudEvents;
        this.properties = properties;
        this.clock = clock;
        this.lease = properties.connectTimeout().plus(properties.requestTimeout()).multipliedBy(2).plusSeconds(10);
        this.http = new WebhookClient(targets, properties.connectTimeout(), properties.requestTimeout());
        long poll = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            for (Subscriptions.Leased leased : subscriptions.leaseDue(LEASE_BATCH, lease)) {
                workers.execute(() -> deliverNext(leased));
            }
        } catch (RuntimeException e) {
            log.warn("Webhook deliveries could not be read; retrying: {}", e.getMessage());
        }
    }

    /** Sends the next matching event after the cursor, or lets go when there is none. */
    private void deliverNext(Subscriptions.Leased leased) {
        Subscription subscription = leased.subscription();
        try {
            long head = feed.head();
            List<FeedEvent> next = feed.after(subscription.position(), head, 1, subscription.filter());
            if (next.isEmpty()) {
                subscriptions.advance(subscription.id(), leased.generation(), head);
                subscriptions.release(subscription.id(), leased.generation());
                return;
            }
            send(leased, next.get(0));
        } catch (RuntimeException e) {
            log.warn("Webhook delivery of subscription {} failed; retrying: {}", subscription.id(), e.getMessage());
            subscriptions.release(subscription.id(), leased.generation());
        }
    }

    private void send(Subscriptions.Leased leased, FeedEvent event) {
        Subscription subscription = leased.subscription();
        URI target = URI.create(subscription.url());
        Instant attemptedAt = clock.instant();
        post(target, leased.secret(), event, attemptedAt).whenCompleteAsync((status, error) -> {
            try {
                if (error == null && status / 100 == 2) {
                    delivered(leased, event, attemptedAt, status);
                } else if (error == null) {
                    failed(leased, event, attemptedAt, status, null);
                } else {
                    failed(leased, event, attemptedAt, null, describe(error));
                }
            } catch (RuntimeException e) {
                log.warn("Webhook delivery of subscription {} could not be recorded: {}", subscription.id(),
                        e.getMessage());
                subscriptions.release(subscription.id(), leased.generation());
            }
        }, workers);
    }

    /**
     * The signed POST of one event's CloudEvent (structured mode). The client resolves the host
     * through the target policy again, now (see {@link WebhookClient}).
     */
    private CompletableFuture<Integer> post(URI target, String secret, FeedEvent event, Instant attemptedAt) {
        String body = cloudEvents.toJson(event);
        long timestamp = attemptedAt.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "CommitmentTracker-Webhooks/1");
        headers.put("webhook-id", event.eventId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.sign(secret, event.eventId(), timestamp, body));
        return http.post(target, headers, body, CLOUD_EVENT);
    }

    private void delivered(Subscriptions.Leased leased, FeedEvent event, Instant attemptedAt, int status) {
        Subscription subscription = leased.subscription();
        if (!subscriptions.record(subscription.id(), DeliveryAttempt.of(event.position(), event.eventId(),
                subscription.failures() + 1, attemptedAt, status, null, true, null, false))) {
            return;
        }
        subscriptions.advance(subscription.id(), leased.generation(), event.position());
        if (!subscriptions.extendLease(subscription.id(), leased.generation(), lease)) {
            subscriptions.release(subscription.id(), leased.generation());
            return;
        }
        deliverNext(leased.deliveredUpTo(event.position()));
    }

    private void failed(Subscriptions.Leased leased, FeedEvent event, Instant attemptedAt, Integer status, String error) {
        Subscription subscription = leased.subscription();
        int failures = subscription.failures() + 1;
        // After the last allowed attempt no retry is due: the subscription is parked.
        Instant nextAttemptAt = failures >= properties.parkAfter() ? null : attemptedAt.plus(properties.backoff(failures));
        if (subscriptions.record(subscription.id(), DeliveryAttempt.of(event.position(), event.eventId(), failures,
                attemptedAt, status, error, false, nextAttemptAt, false))) {
            subscriptions.failed(subscription.id(), leased.generation(), failures, nextAttemptAt);
            if (nextAttemptAt == null) {
                log.warn("Webhook subscription {} parked after {} failed attempts at event {}", subscription.id(),
                        failures, event.eventId());
            }
        }
    }

    /**
     * Sends one delivery's event again, now, outside the subscription's order and whatever its
     * status; the cursor does not move. Answers the new attempt as recorded.
     */
    public DeliveryAttempt redeliver(Subscription subscription, DeliveryAttempt delivery) {
        FeedEvent event = feed.after(delivery.position() - 1, delivery.position(), 1, FeedFilter.ALL).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the feed has no event at " + delivery.position()));
        int attempt = subscriptions.nextAttemptNumber(subscription.id(), event.eventId());
        Instant attemptedAt = clock.instant();
        URI target = URI.create(subscription.url());
        Integer status = null;
        String error = null;
        try {
            status = post(target, subscriptions.secret(subscription.id()), event, attemptedAt).join();
        } catch (CompletionException e) {
            error = describe(e);
        }
        boolean delivered = status != null && status / 100 == 2;
        return subscriptions.recordReturning(subscription.id(), DeliveryAttempt.of(event.position(), event.eventId(),
                        attempt, attemptedAt, status, error, delivered, null, true))
                .orElseThrow(() -> ApiException.notFound("Subscription '" + subscription.id() + "' does not exist."));
    }

    /** What went wrong, in words for the subscriber (never an exception's class name). */
    private String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TargetPolicy.RefusedTarget refused) {
            return refused.getMessage();
        }
        if (cause instanceof UnknownHostException) {
            return "the host does not resolve";
        }
        if (cause instanceof ConnectTimeoutException) {
            return "no connection within " + properties.connectTimeout().toSeconds() + " s";
        }
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
            return "no answer within " + properties.requestTimeout().toSeconds() + " s";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return "the connection failed";
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        http.close();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
