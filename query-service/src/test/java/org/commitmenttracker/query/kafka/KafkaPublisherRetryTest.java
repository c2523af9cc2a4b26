package org.commitmenttracker.query.kafka;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.commitmenttracker.query.ReadModelDatabase;
import org.commitmenttracker.query.feed.Feed;
import org.commitmenttracker.query.feed.FeedCloudEvents;
import org.commitmenttracker.query.feed.FeedGrowth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.mock.MockProducerFactory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A batch whose sends fail after the broker acknowledged some of them is taken again without
 * those: the broker's idempotence does not cover a batch sent again, so the publisher remembers
 * what was acknowledged. Against the feed in a real database; the broker is Kafka's
 * {@link MockProducer}, which acknowledges or fails each send when the test says.
 */
class KafkaPublisherRetryTest {

    private static final List<String> EVENTS = List.of("event-1", "event-2", "event-3");

    private static ReadModelDatabase database;

    @BeforeAll
    static void feedWithThreeEvents() {
        database = ReadModelDatabase.create();
        for (int i = 0; i < EVENTS.size(); i++) {
            database.jdbc.sql("""
                            INSERT INTO query.feed_event (position, event_id, commitment_id, sequence, type, revision,
                                                          recorded_at, data, occurred_on)
                            VALUES (?, ?, 'c-1', ?, 'FundsDisbursed', '1', ?, '{"commitmentId": "c-1"}', DATE '2026-01-0%d')
                            """.formatted(i + 1))
                    .params(i + 1, EVENTS.get(i), i + 1, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")))
                    .update();
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aBatchTakenAgainSendsOnlyWhatTheBrokerHadNotAcknowledged() throws Exception {
        Broker broker = new Broker();
        KafkaPublisher publisher = new KafkaPublisher(feed(), new FeedGrowth(), new FeedCloudEvents("http://localhost:8082"),
                new KafkaTemplate<>(broker.factory()), broker.factory(),
                new KafkaProperties("unused:9092", "events", 1, (short) 1, 1, 100, Duration.ofSeconds(5), Duration.ofSeconds(5)));

        // the first attempt: the broker acknowledges the first two, the third times out
        CompletableFuture<Void> first = batch(publisher);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.producer.history().size() == 3);
        broker.producer.completeNext();
        broker.producer.completeNext();
        broker.producer.errorNext(new TimeoutException("expired"));
        assertThatThrownBy(first::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(KafkaPublisher.KafkaPublishingFailed.class);

        // the processor takes the batch again: only the third is sent again
        CompletableFuture<Void> second = batch(publisher);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.producer.history().size() == 4);
        broker.producer.completeNext();
        second.join();
        assertThat(broker.producer.history().stream().map(KafkaPublisherRetryTest::id))
                .containsExactly("event-1", "event-2", "event-3", "event-3");

        // committed, the batch is forgotten: a replay sends all three again
        CompletableFuture<Void> replay = batch(publisher);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.producer.history().size() == 7);
        broker.producer.completeNext();
        broker.producer.completeNext();
        broker.producer.completeNext();
        replay.join();
        assertThat(broker.producer.history().subList(4, 7).stream().map(KafkaPublisherRetryTest::id))
                .containsExactly("event-1", "event-2", "event-3");
    }

    /** The three events as one batch of the processor: handled in a unit of work, published as it commits. */
    private static CompletableFuture<Void> batch(KafkaPublisher publisher) {
        return CompletableFuture.runAsync(() -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
            EVENTS.forEach(id -> publisher.on(null, id));
            unitOfWork.commit();
        });
    }

    private static String id(ProducerRecord<String, CloudEvent> record) {
        return record.value().getId();
    }

    private static Feed feed() throws Exception {
        var constructor = Feed.class.getDeclaredConstructor(JdbcClient.class);
        constructor.setAccessible(true);
        return constructor.newInstance(database.jdbc);
    }

    /** A broker that answers when told; the publisher's fresh producer after a failure is the same one. */
    private static final class Broker {
        final MockProducer<String, CloudEvent> producer = new MockProducer<>(false, new StringSerializer(),
                (Serializer<CloudEvent>) (topic, event) -> new byte[0]) {
            @Override
            public void close() {
                // KafkaTemplate closes its producer after each send (a no-op for the factory's shared one)
            }

            @Override
            public void close(Duration timeout) {
            }
        };

        ProducerFactory<String, CloudEvent> factory() {
            return new MockProducerFactory<>(() -> producer);
        }
    }
}
