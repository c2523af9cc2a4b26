package org.commitmenttracker.query.kafka;

import io.cloudevents.CloudEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.feed.Feed;
import org.commitmenttracker.query.feed.FeedCloudEvents;
import org.commitmenttracker.query.feed.FeedEvent;
import org.commitmenttracker.query.feed.FeedGrowth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every event to Kafka as the same CloudEvent the feed gives (position included),
 * keyed by commitmentId so each commitment's events stay in order on one partition. Works per
 * batch of its pooled processor: the batch's token is written first (Axon stores it before any
 * other step of the batch's commit), then the batch's events are sent, and the transaction that
 * holds the token commits only once the broker has acknowledged every one ({@code acks=all}).
 * The token's row stays locked by that transaction while the sends are in flight, so no other
 * instance can claim the segment and send the batch a second time; an instance that has lost its
 * claim fails at the token, before it sends anything.
 * <p>
 * A send that fails fails the batch, and the processor takes it again. The broker's idempotence
 * covers only the producer's own retries, not a batch sent again, so the events the broker had
 * acknowledged before the failure are remembered and not sent again: a batch taken again repeats
 * only the sends whose outcome was unknown (a timeout) and, after a restart or a crash, a batch
 * acknowledged whose token had not committed. At least once, never skipped; consumers drop
 * repeats by the CloudEvent id.
 */
@ProcessingGroup(KafkaPublisher.NAME)
class KafkaPublisher {

    static final String NAME = "kafka";
    private static final Logger log = LoggerFactory.getLogger(KafkaPublisher.class);
    private static final String BATCH = KafkaPublisher.class.getName() + ".batch";
    /** Bounds the memory of acknowledged events of failed batches (a batch taken again elsewhere leaves its own). */
    private static final int ACKNOWLEDGED_KEPT = 100_000;

    /** The feed is read again after a pause that doubles from the first to the last, or when this instance's feed grows. */
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long LAST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Feed feed;
    private final FeedGrowth growth;
    private final FeedCloudEvents cloudEvents;
    private final KafkaTemplate<String, CloudEvent> template;
    private final ProducerFactory<String, CloudEvent> producers;
    private final KafkaProperties properties;
    /** Events of batches not committed yet that the broker has acknowledged: a batch taken again skips them. */
    private final Set<String> acknowledged = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > ACKNOWLEDGED_KEPT;
                }
            }));

    KafkaPublisher(Feed feed, FeedGrowth growth, FeedCloudEvents cloudEvents, KafkaTemplate<String, CloudEvent> template,
                   ProducerFactory<String, CloudEvent> producers, KafkaProperties properties) {
        this.feed = feed;
        this.growth = growth;
        this.cloudEvents = cloudEvents;
        this.template = template;
        this.producers = producers;
        this.properties = properties;
    }

    @EventHandler
    void on(CommitmentEvent event, @MessageIdentifier String eventId) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<String> eventIds = batch.getOrComputeResource(BATCH, key -> {
            List<String> ids = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> publish(ids));
            batch.afterCommit(unitOfWork -> ids.forEach(acknowledged::remove));
            return ids;
        });
        eventIds.add(eventId);
    }

    /** A replay publishes every event again, those remembered from failed batches too. */
    @ResetHandler
    void onReset() {
        acknowledged.clear();
    }

    /**
     * Sends the batch's events in the order the processor handled them (but not those the broker
     * acknowledged in an earlier attempt at this batch), and waits for every acknowledgement.
     */
    private void publish(List<String> eventIds) {
        List<String> unsent = eventIds.stream().filter(id -> !acknowledged.contains(id)).toList();
        if (unsent.isEmpty()) {
            return;
        }
        Map<String, FeedEvent> numbered = awaitFeed(unsent);
        List<CompletableFuture<?>> sends = new ArrayList<>(unsent.size());
        try {
            for (String eventId : unsent) {
                FeedEvent event = numbered.get(eventId);
                sends.add(template.send(properties.topic(), event.commitmentId(), cloudEvents.toCloudEvent(event))
                        .thenRun(() -> acknowledged.add(eventId)));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.deliveryTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublishingFailed("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // A fresh producer for the next attempt: one that saw the broker fail may be fenced or stuck.
            producers.reset();
            long unacknowledged = unsent.stream().filter(id -> !acknowledged.contains(id)).count();
            log.warn("Publishing {} events to Kafka failed ({} not acknowledged); the batch is retried: {}",
                    unsent.size(), unacknowledged, e.toString());
            throw new KafkaPublishingFailed("publishing to Kafka failed", e);
        }
    }

    /**
     * The batch's events as the feed numbered them. The feed's own processor numbers each event
     * within moments; until it has, this batch waits, and fails after {@code feedWait} (to be retried).
     * It reads the feed again as soon as this instance's feed has grown, and otherwise (the feed
     * numbered by another instance) after 2 ms, 4, 8, 16, then every 20 ms.
     */
    private Map<String, FeedEvent> awaitFeed(List<String> eventIds) {
        long deadline = System.nanoTime() + properties.feedWait().toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            long growths = growth.growths();
            Map<String, FeedEvent> numbered = feed.byEventIds(eventIds);
            if (numbered.size() == eventIds.size()) {
                return numbered;
            }
            if (System.nanoTime() > deadline) {
                throw new KafkaPublishingFailed("the feed has not numbered " + (eventIds.size() - numbered.size())
                        + " of the batch's events yet", null);
            }
            try {
                growth.awaitGrowthAfter(growths, pause);
                pause = Math.min(2 * pause, LAST_PAUSE_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaPublishingFailed("interrupted while waiting for the feed", e);
            }
        }
    }

    /** Fails the batch, so that the processor takes it again. */
    static final class KafkaPublishingFailed extends RuntimeException {
        KafkaPublishingFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
