package org.commitmenttracker.query.kafka;

import io.cloudevents.CloudEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.feed.Feed;
import org.commitmenttracker.query.feed.FeedCloudEvents;
import org.commitmenttracker.query.feed.FeedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every event to Kafka as the same CloudEvent the feed gives (position included),
 * keyed by commitmentId so each commitment's events stay in order on one partition. Works per
 * batch of its pooled processor: the batch's events are sent just before its token commits, and
 * the token commits only once the broker has acknowledged every one ({@code acks=all}). A send
 * that fails fails the batch, and the processor takes it again: at least once, never skipped;
 * consumers drop repeats by the CloudEvent id.
 */
@ProcessingGroup(KafkaPublisher.NAME)
class KafkaPublisher {

    static final String NAME = "kafka";
    private static final Logger log = LoggerFactory.getLogger(KafkaPublisher.class);
    private static final String BATCH = KafkaPublisher.class.getName() + ".batch";

    private final Feed feed;
    private final FeedCloudEvents cloudEvents;
    private final KafkaTemplate<String, CloudEvent> template;
    private final ProducerFactory<String, CloudEvent> producers;
    private final KafkaProperties properties;

    KafkaPublisher(Feed feed, FeedCloudEvents cloudEvents, KafkaTemplate<String, CloudEvent> template,
                   ProducerFactory<String, CloudEvent> producers, KafkaProperties properties) {
        this.feed = feed;
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
            return ids;
        });
        eventIds.add(eventId);
    }

    /** Sends the batch's events in the order the processor handled them, and waits for every acknowledgement. */
    private void publish(List<String> eventIds) {
        Map<String, FeedEvent> numbered = awaitFeed(eventIds);
        List<CompletableFuture<?>> sends = new ArrayList<>(eventIds.size());
        try {
            for (String eventId : eventIds) {
                FeedEvent event = numbered.get(eventId);
                sends.add(template.send(properties.topic(), event.commitmentId(), cloudEvents.toCloudEvent(event)));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.deliveryTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublishingFailed("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // A fresh producer for the next attempt: one that saw the broker fail may be fenced or stuck.
            producers.reset();
            log.warn("Publishing {} events to Kafka failed; the batch is retried: {}", eventIds.size(), e.toString());
            throw new KafkaPublishingFailed("publishing to Kafka failed", e);
        }
    }

    /**
     * The batch's events as the feed numbered them. The feed's own processor numbers each event
     * within moments; until it has, this batch waits, and fails after {@code feedWait} (to be retried).
     */
    private Map<String, FeedEvent> awaitFeed(List<String> eventIds) {
        long deadline = System.nanoTime() + properties.feedWait().toNanos();
        while (true) {
            Map<String, FeedEvent> numbered = feed.byEventIds(eventIds);
            if (numbered.size() == eventIds.size()) {
                return numbered;
            }
            if (System.nanoTime() > deadline) {
                throw new KafkaPublishingFailed("the feed has not numbered " + (eventIds.size() - numbered.size())
                        + " of the batch's events yet", null);
            }
            try {
                Thread.sleep(20);
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
