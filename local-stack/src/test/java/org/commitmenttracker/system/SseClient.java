package org.commitmenttracker.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/**
 * A Server-Sent Events client over real HTTP, as a browser's EventSource reads a stream: lines
 * gathered into messages ({@code id}, {@code event}, {@code data}), comments apart. It holds no
 * thread of its own, so a test can open a hundred.
 */
final class SseClient implements Flow.Subscriber<String>, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Message(String id, String event, String data) {
    }

    final List<Message> messages = new CopyOnWriteArrayList<>();
    final List<String> comments = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> status = new CompletableFuture<>();
    private final List<String> data = new ArrayList<>();
    private String id;
    private String event;
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;

    static SseClient open(String url, String user, String lastEventId) {
        SseClient client = new SseClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user + "-local").getBytes(StandardCharsets.UTF_8)));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HTTP.sendAsync(request.build(), info -> {
            client.status.complete(info.statusCode());
            return HttpResponse.BodySubscribers.fromLineSubscriber(client);
        }).whenComplete((response, error) -> client.status.complete(error == null ? response.statusCode() : -1));
        return client;
    }

    /** Whether the server has started the stream (its first comment names where it starts). */
    boolean connected() {
        return !comments.isEmpty();
    }

    List<String> ids() {
        return messages.stream().map(Message::id).toList();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (closed) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public synchronized void onNext(String line) {
        if (line.isEmpty()) {
            if (!data.isEmpty()) {
                messages.add(new Message(id, event, String.join("\n", data)));
            }
            data.clear();
            event = null;
        } else if (line.startsWith(":")) {
            comments.add(line.substring(1).trim());
        } else {
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
            switch (field) {
                case "id" -> id = value;
                case "event" -> event = value;
                case "data" -> data.add(value);
                default -> { }
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
    }

    @Override
    public void onComplete() {
    }

    /** Hangs up, as a client that crashes or loses its network. */
    @Override
    public void close() {
        closed = true;
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
