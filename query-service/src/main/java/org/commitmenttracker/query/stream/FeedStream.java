package org.commitmenttracker.query.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.commitmenttracker.query.feed.Feed;
import org.commitmenttracker.query.feed.FeedCloudEvents;
import org.commitmenttracker.query.feed.FeedEvent;
import org.commitmenttracker.query.feed.FeedFilter;
import org.commitmenttracker.query.feed.FeedGrowth;
import org.commitmenttracker.service.concurrent.CoalescingTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-Sent Events of the feed for any number of clients without a thread each. One
 * dispatcher thread reads what is new in the feed as soon as this instance has numbered it
 * ({@link FeedGrowth}), and once per poll for what another instance numbered, and fans it out to every
 * client that is live; a client that resumes from an older position first catches up, a page
 * per poll, from the feed table. A small pool writes to the connections, each client's
 * messages in order; a client that falls too far behind is closed and resumes with
 * {@code Last-Event-ID}.
 */
@Component
@EnableConfigurationProperties(StreamProperties.class)
public class FeedStream {

    private static final Logger log = LoggerFactory.getLogger(FeedStream.class);
    private static final int PAGE = 500;
    private static final int MAX_BACKLOG = 5_000;
    private static final int SENDERS = 4;

    private final Feed feed;
    private final FeedCloudEvents cloudEvents;
    private final StreamProperties properties;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor(
            daemon("feed-stream-dispatcher"));
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, daemon("feed-stream-sender"));

    /** The last position fanned out to live clients; -1 until the first poll. */
    private long broadcast = -1;

    /** A poll now, on the dispatcher's thread, besides the scheduled ones. */
    private final CoalescingTrigger pollSoon = new CoalescingTrigger(dispatcher, this::poll);

    FeedStream(Feed feed, FeedCloudEvents cloudEvents, StreamProperties properties, MeterRegistry meters,
               FeedGrowth growth) {
        this.feed = feed;
        this.cloudEvents = cloudEvents;
        this.properties = properties;
        Gauge.builder("tracker.stream.clients", clients, Set::size)
                .description("Open Server-Sent Events connections of the feed")
                .register(meters);
        long poll = properties.pollInterval().toMillis();
        dispatcher.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        long heartbeat = properties.heartbeat().toMillis();
        dispatcher.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        growth.subscribe(pollSoon::trigger);
    }

    /** A new stream of the events after {@code after} that pass the filter, first from the table, then live. */
    public SseEmitter open(FeedFilter filter, long after) {
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        Client client = new Client(emitter, filter, after);
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(client::close);
        emitter.onError(error -> client.close());
        clients.add(client);
        client.enqueue(SseEmitter.event().comment("events after " + after));
        return emitter;
    }

    private void poll() {
        try {
            long head = feed.head();
            if (broadcast < 0) {
                broadcast = head;
            }
            long from = broadcast;
            List<FeedEvent> fresh = head > from ? feed.after(from, head, PAGE, FeedFilter.ALL) : List.of();
            long to = fresh.isEmpty() ? from : fresh.get(fresh.size() - 1).position();
            // Written once, whatever the number of clients that receive it.
            Map<Long, String> json = new HashMap<>();
            fresh.forEach(event -> json.put(event.position(), cloudEvents.toJson(event)));
            for (Client client : clients) {
                if (client.catchUp(from)) {
                    client.receive(fresh, json, to);
                }
            }
            broadcast = to;
        } catch (RuntimeException e) {
            log.warn("The stream could not read the feed; retrying: {}", e.getMessage());
        }
    }

    private void heartbeat() {
        for (Client client : clients) {
            client.enqueue(SseEmitter.event().comment("heartbeat"));
        }
    }

    @PreDestroy
    void stop() {
        dispatcher.shutdownNow();
        clients.forEach(Client::close);
        senders.shutdown();
    }

    /** One connection: its filter, how far it has been given events, and its messages not yet written. */
    private final class Client {

        private final SseEmitter emitter;
        private final FeedFilter filter;
        private final Queue<SseEmitter.SseEventBuilder> outbox = new ConcurrentLinkedQueue<>();
        private final AtomicInteger backlog = new AtomicInteger();
        private final AtomicBoolean writing = new AtomicBoolean();
        private volatile boolean closed;
        /** Every matching event at or before this position has been queued. Dispatcher thread only. */
        private long cursor;

        Client(SseEmitter emitter, FeedFilter filter, long after) {
            this.emitter = emitter;
            this.filter = filter;
            this.cursor = after;
        }

        /** Reads the next page of missed events up to {@code from}; true once caught up to it. */
        boolean catchUp(long from) {
            if (closed) {
                return false;
            }
            if (cursor >= from) {
                return true;
            }
            if (backlog.get() > PAGE) {
                return false;
            }
            List<FeedEvent> page = feed.after(cursor, from, PAGE, filter);
            page.forEach(event -> enqueue(event, cloudEvents.toJson(event)));
            cursor = page.size() < PAGE ? from : page.get(page.size() - 1).position();
            return cursor >= from;
        }

        void receive(List<FeedEvent> fresh, Map<Long, String> json, long to) {
            for (FeedEvent event : fresh) {
                if (event.position() > cursor && filter.matches(event)) {
                    enqueue(event, json.get(event.position()));
                }
            }
            cursor = Math.max(cursor, to);
        }

        private void enqueue(FeedEvent event, String cloudEvent) {
            enqueue(SseEmitter.event()
                    .id(Long.toString(event.position()))
                    .name(event.type())
                    .data(cloudEvent));
        }

        void enqueue(SseEmitter.SseEventBuilder message) {
            if (closed) {
                return;
            }
            if (backlog.incrementAndGet() > MAX_BACKLOG) {
                // Too slow to keep up: it resumes from its Last-Event-ID when it reconnects.
                close();
                return;
            }
            outbox.add(message);
            if (writing.compareAndSet(false, true)) {
                senders.execute(this::write);
            }
        }

        private void write() {
            try {
                SseEmitter.SseEventBuilder message;
                while (!closed && (message = outbox.poll()) != null) {
                    backlog.decrementAndGet();
                    emitter.send(message);
                }
            } catch (IOException | IllegalStateException e) {
                // The client went away; its connection is finished by the container.
                close();
            } finally {
                writing.set(false);
            }
            if (!closed && !outbox.isEmpty() && writing.compareAndSet(false, true)) {
                senders.execute(this::write);
            }
        }

        void close() {
            closed = true;
            clients.remove(this);
            outbox.clear();
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyDone) {
                // completed by the container already
            }
        }
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
