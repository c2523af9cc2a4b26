package org.commitmenttracker.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * {@code stream_fanout_p99_ms}: many SSE clients (100 in a full run) on
 * {@code GET /api/events/stream} (api.md); the time from a command's answer until its event
 * has reached every client. The clients follow one commitment of their own
 * ({@code ?commitmentId=}), so a stream that starts from the beginning of history cannot
 * flood them with the run's earlier events.
 */
final class StreamFanoutWorkload {

    static final String NAME = "stream_fanout_p99_ms";
    static final String PATH = "/api/events/stream";
    static final String COMMITMENT = "bench-fanout";
    private static final double COMMANDS_PER_SECOND = 20;

    private final BenchSystem system;
    private final Sizes sizes;
    private final Report report;
    StreamFanoutWorkload(BenchSystem system, Sizes sizes, Report report) {
        this.system = system;
        this.sizes = sizes;
        this.report = report;
    }

    /** When the last of the clients saw one event. */
    private static final class Arrival {
        final AtomicInteger clients = new AtomicInteger();
        final AtomicLong last = new AtomicLong();

        void arrive(long at) {
            last.accumulateAndGet(at, Math::max);
            clients.incrementAndGet();
        }
    }

    private record Answered(String eventId, long at) {
    }

    void run() {
        Http integrator = Http.as(system.queries.baseUrl(), "integrator");
        Commands.open(system.commands, COMMITMENT);
        int status = probe(integrator);
        if (status != 200) {
            throw new IllegalStateException(PATH + " answered " + status + " to the integrator");
        }
        int clients = sizes.fanoutClients();
        Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
        CountDownLatch connected = new CountDownLatch(clients);
        List<Stream<String>> streams = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread reader = new Thread(() -> listen(integrator, connected, streams, arrivals), "bench-sse-" + c);
            reader.setDaemon(true);
            reader.start();
        }
        try {
            if (!connected.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not all " + clients + " SSE clients connected");
            }
            List<Answered> answered = new ArrayList<>();
            long interval = (long) (1e9 / COMMANDS_PER_SECOND);
            long end = System.nanoTime() + sizes.fanoutDuration().toNanos();
            while (System.nanoTime() < end) {
                JsonNode answer = Http.json(Commands.disburse(system.commands, COMMITMENT));
                answered.add(new Answered(answer.get("eventIds").get(0).asText(), System.nanoTime()));
                LockSupport.parkNanos(interval);
            }
            long[] latencies = new long[answered.size()];
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            for (int i = 0; i < answered.size(); i++) {
                Answered one = answered.get(i);
                Arrival arrival;
                while ((arrival = arrivals.get(one.eventId())) == null || arrival.clients.get() < clients) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("event " + one.eventId() + " did not reach all " + clients
                                + " SSE clients within 30 s");
                    }
                    LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                }
                latencies[i] = Math.max(0, arrival.last.get() - one.at());
            }
            report.note("stream_fanout: %d SSE clients, %d commands at %.0f/s".formatted(clients, answered.size(),
                    COMMANDS_PER_SECOND));
            report.result(NAME, Stats.percentileMillis(latencies, 99), "ms");
            report.result("stream_fanout_median_ms", Stats.percentileMillis(latencies, 50), "ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            synchronized (streams) {
                streams.forEach(Stream::close);
            }
        }
    }

    /** One SSE client: notes the arrival of every event by its id (the CloudEvent's {@code id}). */
    private static void listen(Http integrator, CountDownLatch connected, List<Stream<String>> streams,
                               Map<String, Arrival> arrivals) {
        try {
            HttpResponse<Stream<String>> response = integrator.client().send(
                    streamRequest(integrator, Duration.ofHours(1)), HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                synchronized (streams) {
                    streams.add(lines);
                }
                connected.countDown();
                lines.filter(line -> line.startsWith("data:")).forEach(line -> {
                    long now = System.nanoTime();
                    String id = Http.json(line.substring("data:".length()).trim()).path("id").asText();
                    arrivals.computeIfAbsent(id, key -> new Arrival()).arrive(now);
                });
            }
        } catch (IOException | RuntimeException e) {
            // The stream ends when the run closes it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The status of the stream's first answer; an endpoint that exists answers 200 and keeps streaming. */
    private static int probe(Http integrator) {
        try {
            HttpResponse<InputStream> response = integrator.client().send(
                    streamRequest(integrator, Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest streamRequest(Http integrator, Duration timeout) {
        return integrator.request(PATH + "?commitmentId=" + COMMITMENT).timeout(timeout)
                .header("Accept", "text/event-stream").GET().build();
    }
}
