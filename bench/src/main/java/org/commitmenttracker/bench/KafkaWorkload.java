package org.commitmenttracker.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * Every event on Kafka (issue 17), against spring-kafka-test's in-JVM KRaft broker (real Kafka,
 * one broker, in this JVM) and a second query-service instance with the publisher on (the first
 * keeps the read models):
 * <ul>
 * <li>{@code kafka_lag_p99_ms}: from a command's 2xx answer until a Kafka consumer (polling the
 * topic's partitions from their end) has read the commitment's event of that version, at the
 * {@code lag} workload's offered rate (half of {@code append_c8}, open loop); its baseline,
 * {@code kafka_lag_raw_p99_ms}: the broker's own lag on this machine, from a raw producer's send
 * of a record as large, on the same schedule, until the consumer has read it;</li>
 * <li>{@code kafka_publish}: events per second while the publisher catches up a backlog of N
 * events (10,000 quick, 100,000 full) appended while its processor was stopped, from its start
 * until every segment's token has passed the newest event (so every record acknowledged,
 * {@code acks=all}); the backlog is numbered by the feed and projected by the first instance
 * before the clock starts; each later repetition sets the publisher's token back to before the
 * backlog and publishes it again. The baseline, {@code kafka_publish_raw}: a raw idempotent producer
 * ({@code acks=all}, the publisher's linger and in-flight settings) sending the same records
 * (the same keys, headers and values, read back from the topic) to a topic of as many
 * partitions, all sends then every acknowledgement.</li>
 * </ul>
 */
final class KafkaWorkload {

    static final String TOPIC = "bench-commitment-events";
    static final String RAW_TOPIC = "bench-raw-events";
    private static final int PARTITIONS = 6;
    private static final int EVENTS_PER_COMMITMENT = 50;
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

    private final BenchSystem system;
    private final Sizes sizes;
    private final Report report;
    private final List<String> commitments;
    /** The second query-service instance, which publishes; on a loaded machine it may take a read model's segment over. */
    private ConfigurableApplicationContext publisher;

    KafkaWorkload(BenchSystem system, Sizes sizes, Report report, List<String> commitments) {
        this.system = system;
        this.sizes = sizes;
        this.report = report;
        this.commitments = commitments;
    }

    /**
     * Starts the in-JVM broker on a thread of its own, so that it comes up while PostgreSQL and the
     * services do (about ten seconds less of a quick run); it idles until this workload runs.
     */
    static CompletableFuture<EmbeddedKafkaKraftBroker> startBroker() {
        return CompletableFuture.supplyAsync(() -> {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, TOPIC, RAW_TOPIC);
            broker.brokerProperty("log.dir", System.getProperty("java.io.tmpdir") + "/bench-kafka-" + UUID.randomUUID());
            broker.afterPropertiesSet();
            return broker;
        });
    }

    /** Stops the broker {@link #startBroker()} started, once it is up. */
    static void stopBroker(CompletableFuture<EmbeddedKafkaKraftBroker> starting) {
        starting.thenAccept(EmbeddedKafkaKraftBroker::destroy).exceptionally(failure -> null).join();
    }

    void run(double rate, EmbeddedKafkaKraftBroker broker) {
        report.progress("kafka: starting a query service that publishes (the in-JVM broker started with the run)");
        String servers = broker.getBrokersAsString();
        publisher = system.startAnotherQueryService(
                "--tracker.kafka.bootstrap-servers=" + servers, "--tracker.kafka.topic=" + TOPIC,
                "--tracker.kafka.partitions=" + PARTITIONS, "--tracker.processing.node-id=bench-kafka");
        try {
            StreamingEventProcessor kafka = publisher.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("kafka", StreamingEventProcessor.class).orElseThrow();
            // what earlier workloads stored is not this workload's: the publisher starts at the newest event
            BenchSystem.awaitPassed(kafka, -1, Duration.ofMinutes(5));
            shutDown(kafka);
            system.skipToHead(kafka);
            kafka.start();
            BenchSystem.awaitPassed(kafka, system.headGlobalIndex(), Duration.ofMinutes(5));
            // The backlog first: measured after it, the lag's first repetition fell from 1 s to 121 ms at p99
            // (BENCHMARKS.md). At the lag's rate the publisher's path runs a few dozen times a second, which
            // seems too seldom to warm it within minutes; a hundred thousand events do. Autovacuum was idle.
            publish(servers, kafka);
            lag(servers, rate, kafka);
        } finally {
            publisher.close();
        }
    }

    /** Until the read models, the feed and the publisher have all passed the newest event: no repetition inherits a queue. */
    private void awaitCaughtUp(StreamingEventProcessor kafka) {
        long head = system.headGlobalIndex();
        awaitReadModelsAt(head, Duration.ofMinutes(2));
        BenchSystem.awaitPassed(kafka, head, Duration.ofMinutes(5));
    }

    private void lag(String servers, double rate, StreamingEventProcessor kafka) {
        Duration duration = sizes.repetition().multipliedBy(2);
        report.note("kafka_lag: offered rate %.1f commands/s (half of append_c8), %s per repetition, in-JVM KRaft broker"
                .formatted(rate, duration) + ", %d partitions; a consumer polls the topic every 2 ms".formatted(PARTITIONS));
        report.note("kafka_lag_raw: the broker's own lag at the same rate, the baseline: a raw idempotent producer"
                + " (the publisher's settings) sends one record of the same size per command on the same schedule, each"
                + " read by a consumer polling every 2 ms; from the send to the read, alternating with kafka_lag");
        // kafka_publish has warmed the publishing instance up; one repetition more, at this rate, before measuring
        awaitCaughtUp(kafka);
        lagOnce(servers, rate, duration);
        report.note("kafka_lag: after kafka_publish and one repetition unmeasured, to warm up the publishing instance");
        List<Double> p99s = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        List<Double> rawP99s = new ArrayList<>();
        List<Double> rawMedians = new ArrayList<>();
        for (int rep = 1; rep <= sizes.repetitions(); rep++) {
            awaitCaughtUp(kafka);
            long[] lags = lagOnce(servers, rate, duration);
            p99s.add(Stats.percentileMillis(lags, 99));
            medians.add(Stats.percentileMillis(lags, 50));
            long[] rawLags = rawLagOnce(servers, rate, duration);
            rawP99s.add(Stats.percentileMillis(rawLags, 99));
            rawMedians.add(Stats.percentileMillis(rawLags, 50));
            report.progress("kafka_lag rep %d: p99 %.1f ms, median %.1f ms over %d commands; raw producer p99 %.1f ms, median %.1f ms"
                    .formatted(rep, p99s.get(rep - 1), medians.get(rep - 1), lags.length, rawP99s.get(rep - 1),
                            rawMedians.get(rep - 1)));
        }
        report.result("kafka_lag_p99_ms", Stats.median(p99s), "ms");
        report.result("kafka_lag_median_ms", Stats.median(medians), "ms");
        report.result("kafka_lag_raw_p99_ms", Stats.median(rawP99s), "ms");
        report.result("kafka_lag_raw_median_ms", Stats.median(rawMedians), "ms");
    }

    /**
     * The baseline of {@code kafka_lag}: records as large as the publisher's, one per tick of the
     * same open-loop schedule, sent by a raw producer with the publisher's settings; each one's lag
     * runs from its send until a consumer of the topic's end has read it.
     */
    private long[] rawLagOnce(String servers, double rate, Duration duration) {
        byte[] value = new byte[400];
        Arrays.fill(value, (byte) 'x');
        long intervalNanos = (long) (1e9 / rate);
        int count = (int) (duration.toNanos() / intervalNanos);
        long[] lags = new long[count];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(servers), new StringSerializer(),
                new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = consumer(servers)) {
            producer.partitionsFor(RAW_TOPIC);
            List<TopicPartition> partitions = partitions(RAW_TOPIC);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            CompletableFuture<Integer> reading = CompletableFuture.supplyAsync(() -> {
                int read = 0;
                long giveUp = System.nanoTime() + duration.plusMinutes(1).toNanos();
                while (read < count && System.nanoTime() < giveUp) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofNanos(POLL_NANOS))) {
                        Header sentAt = record.headers().lastHeader("bench-sent-at");
                        if (sentAt != null && read < count) {
                            lags[read++] = System.nanoTime() - Long.parseLong(new String(sentAt.value(), StandardCharsets.US_ASCII));
                        }
                    }
                }
                return read;
            });
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long wait = start + i * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(RAW_TOPIC, commitments.get(i % commitments.size()), value);
                record.headers().add("bench-sent-at", Long.toString(System.nanoTime()).getBytes(StandardCharsets.US_ASCII));
                producer.send(record);
            }
            producer.flush();
            int read = reading.get(2, TimeUnit.MINUTES);
            if (read < count) {
                throw new IllegalStateException("the raw consumer read only " + read + " of " + count + " records");
            }
            return lags;
        } catch (Exception e) {
            throw new IllegalStateException("the raw producer's lag could not be measured", e);
        }
    }

    private long[] lagOnce(String servers, double rate, Duration duration) {
        ConcurrentLinkedQueue<OpenLoop.Answered> answered = new ConcurrentLinkedQueue<>();
        Observer observer = new Observer(servers, answered);
        Thread observing = new Thread(observer, "bench-kafka-lag-observer");
        observing.start();
        observer.awaitAssigned();
        int sent = OpenLoop.disburse(system.commands, commitments, rate, duration, answered);
        try {
            observer.finish();
            observing.join(Duration.ofMinutes(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (observer.failure != null) {
            throw new IllegalStateException("the Kafka consumer failed", observer.failure);
        }
        if (observer.count < sent) {
            throw new IllegalStateException("only " + observer.count + " of " + sent + " commands reached Kafka");
        }
        return Arrays.copyOf(observer.lags, observer.count);
    }

    /** A consumer of every partition from its end: notes when each answered command's event is first read. */
    private static final class Observer implements Runnable {
        private final String servers;
        private final ConcurrentLinkedQueue<OpenLoop.Answered> answered;
        private final java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
        private volatile boolean finishing;
        private long[] lags = new long[1024];
        private int count;
        private volatile Throwable failure;

        Observer(String servers, ConcurrentLinkedQueue<OpenLoop.Answered> answered) {
            this.servers = servers;
            this.answered = answered;
        }

        void awaitAssigned() {
            try {
                if (!assigned.await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the Kafka consumer did not start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void finish() {
            finishing = true;
        }

        @Override
        public void run() {
            Map<String, Long> newest = new HashMap<>();
            List<OpenLoop.Answered> waiting = new ArrayList<>();
            long giveUp = Long.MAX_VALUE;
            try (KafkaConsumer<String, byte[]> consumer = consumer(servers)) {
                List<TopicPartition> partitions = partitions(TOPIC);
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                assigned.countDown();
                while (true) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofNanos(POLL_NANOS))) {
                        Header sequence = record.headers().lastHeader("ce_sequence");
                        if (sequence != null) {
                            newest.merge(record.key(), Long.parseLong(new String(sequence.value(), StandardCharsets.UTF_8)),
                                    Math::max);
                        }
                    }
                    for (OpenLoop.Answered next; (next = answered.poll()) != null; ) {
                        waiting.add(next);
                    }
                    long now = System.nanoTime();
                    waiting.removeIf(pending -> {
                        Long version = newest.get(pending.commitmentId());
                        if (version == null || version < pending.version()) {
                            return false;
                        }
                        record(Math.max(0, now - pending.answeredAt()));
                        return true;
                    });
                    if (finishing && waiting.isEmpty() && answered.isEmpty()) {
                        return;
                    }
                    if (finishing && giveUp == Long.MAX_VALUE) {
                        giveUp = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                    }
                    if (System.nanoTime() > giveUp) {
                        return;
                    }
                }
            } catch (Throwable e) {
                failure = e;
                assigned.countDown();
            }
        }

        private void record(long lag) {
            if (count == lags.length) {
                lags = Arrays.copyOf(lags, count * 2);
            }
            lags[count++] = lag;
        }
    }

    private void publish(String servers, StreamingEventProcessor kafka) {
        report.note(("kafka_publish: a backlog of %d events (%d per commitment, %d-event commitments as the feed_catchup"
                + " workload's) caught up by the stopped publisher once started, each repetition the same backlog from the"
                + " token before it; baseline: a raw idempotent producer"
                + " (acks=all, linger 5 ms, 5 in flight) sending the same records to a topic of %d partitions")
                .formatted(sizes.feedEvents(), EVENTS_PER_COMMITMENT, EVENTS_PER_COMMITMENT, PARTITIONS)
                + (sizes.feedEvents() < Sizes.FULL_FEED ? " (full run: " + Sizes.FULL_FEED + " events)" : ""));
        List<Double> published = new ArrayList<>();
        List<Double> raws = new ArrayList<>();
        int events = sizes.feedEvents();
        TrackingToken beforeBacklog = null;
        long head = 0;
        for (int rep = 1; rep <= Math.max(2, sizes.replayRepetitions()); rep++) {
            shutDown(kafka);
            Map<TopicPartition, Long> before = endOffsets(servers, TOPIC);
            if (beforeBacklog == null) {
                beforeBacklog = system.headToken();
                long feedBefore = system.queryLong("SELECT coalesce(max(position), 0) FROM query.feed_event");
                appendBacklog();
                head = system.headGlobalIndex();
                awaitFeed(feedBefore + events);
                awaitReadModelsAt(head, Duration.ofMinutes(30));
            } else {
                system.moveTo(kafka, beforeBacklog);
            }

            long start = System.nanoTime();
            kafka.start();
            BenchSystem.awaitPassed(kafka, head, Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - start) / 1e9;

            List<ProducerRecord<String, byte[]>> records = readBack(servers, before);
            if (records.size() < events) {
                throw new IllegalStateException("the topic holds " + records.size() + " of the backlog's " + events + " events");
            }
            double rawSeconds = sendRaw(servers, records);
            published.add(events / seconds);
            raws.add(records.size() / rawSeconds);
            report.progress("kafka_publish rep %d: %.0f events/s (%.2f s), raw producer %.0f events/s (%.2f s)".formatted(
                    rep, events / seconds, seconds, records.size() / rawSeconds, rawSeconds));
        }
        double publish = Stats.median(published);
        double raw = Stats.median(raws);
        report.result("kafka_publish_events", events, "events");
        report.result("kafka_publish", publish, "events/s");
        report.result("kafka_publish_raw", raw, "events/s");
        report.ratio("kafka_publish", publish / raw);
    }

    private static void shutDown(StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("the kafka processor did not stop", e);
        }
    }

    /** Appends the backlog straight into the event store. */
    private void appendBacklog() {
        report.progress("kafka_publish: appending a backlog of " + sizes.feedEvents() + " events");
        try (SyntheticEvents synthetic = new SyntheticEvents(system)) {
            int left = sizes.feedEvents();
            for (int c = 0; left > 0; c++) {
                int count = Math.min(EVENTS_PER_COMMITMENT, left);
                synthetic.appendStream("bench-kafka-%06d".formatted(c), count);
                left -= count;
            }
        }
    }

    /** The records appended to the topic since {@code before}, as a producer would send them again. */
    private static List<ProducerRecord<String, byte[]>> readBack(String servers, Map<TopicPartition, Long> before) {
        Map<TopicPartition, Long> end = endOffsets(servers, TOPIC);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(servers)) {
            consumer.assign(before.keySet());
            before.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (before.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the backlog back from the topic");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(new ProducerRecord<>(RAW_TOPIC, null, record.key(), record.value(), record.headers()));
                    }
                }
            }
        }
        return records;
    }

    /** Sends the records with a fresh raw producer (connected before the clock starts); answers the seconds until all are acknowledged. */
    private static double sendRaw(String servers, List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(servers), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.partitionsFor(RAW_TOPIC);
            long start = System.nanoTime();
            List<Future<?>> sends = new ArrayList<>(records.size());
            for (ProducerRecord<String, byte[]> record : records) {
                sends.add(producer.send(record));
            }
            for (Future<?> send : sends) {
                send.get(2, TimeUnit.MINUTES);
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (Exception e) {
            throw new IllegalStateException("the raw producer failed", e);
        }
    }

    /** The publisher's settings (KafkaPublishing): idempotent, acks=all, linger 5 ms, 5 requests in flight. */
    private static Map<String, Object> producerConfig(String servers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return config;
    }

    private static KafkaConsumer<String, byte[]> consumer(String servers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(String topic) {
        return IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    private static Map<TopicPartition, Long> endOffsets(String servers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(servers)) {
            return new HashMap<>(consumer.endOffsets(partitions(topic), Duration.ofMinutes(1)));
        }
    }

    private void awaitFeed(long position) {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (system.queryLong("SELECT coalesce(max(position), 0) FROM query.feed_event") < position) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the feed did not number the backlog");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /**
     * Until every read model's processor (and the feed) has passed {@code head} in every segment,
     * whichever of the two instances holds it: a claim that lapses on a loaded machine moves a
     * segment to the other instance.
     */
    private void awaitReadModelsAt(long head, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> names = system.queryService.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                .stream().filter(StreamingEventProcessor.class::isInstance).map(p -> p.getName()).toList();
        for (String name : names) {
            Map<Integer, EventTrackerStatus> status = Map.of();
            while (!BenchSystem.passed(status = statusInBoth(name), head)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the '" + name + "' processor did not reach " + head
                            + " within " + timeout + ": " + status);
                }
                LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
            }
        }
    }

    private Map<Integer, EventTrackerStatus> statusInBoth(String name) {
        Map<Integer, EventTrackerStatus> status = new HashMap<>();
        for (ConfigurableApplicationContext instance : List.of(system.queryService, publisher)) {
            instance.getBean(EventProcessingConfiguration.class).eventProcessor(name, StreamingEventProcessor.class)
                    .ifPresent(processor -> status.putAll(processor.processingStatus()));
        }
        return status;
    }
}
