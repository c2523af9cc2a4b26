package org.commitmenttracker.query.subscription;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delivery client connects only where the target policy's own resolution says. */
class WebhookClientTest {

    private final HttpServer receiver = receiver();
    private final List<String> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void connectsToTheAddressThePolicyCheckedForTheName() throws Exception {
        TargetPolicy policy = new TargetPolicy(properties(), host -> host.equals("hooks.example.org")
                ? new InetAddress[]{InetAddress.getLoopbackAddress()} : new InetAddress[0]);
        try (WebhookClient client = new WebhookClient(policy, Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            int status = client.post(target("hooks.example.org"), Map.of("webhook-id", "e-1"), "{}",
                    ContentType.APPLICATION_JSON).get(10, TimeUnit.SECONDS);

            assertThat(status).isEqualTo(204);
            assertThat(received).containsExactly("e-1");
        }
    }

    @Test
    void aNameRebindingToAnInternalAddressIsNeverConnectedTo() {
        AtomicInteger lookups = new AtomicInteger();
        // Public at the subscription's check, then the metadata service at delivery.
        TargetPolicy policy = new TargetPolicy(new WebhookProperties(false, null, null, null, null, null, null), host ->
                new InetAddress[]{InetAddress.getByName(lookups.incrementAndGet() == 1 ? "93.184.216.34" : "127.0.0.1")});
        assertThat(policy.refusal(target("hooks.example.org"))).isEmpty();

        try (WebhookClient client = new WebhookClient(policy, Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.post(target("hooks.example.org"), Map.of("webhook-id", "e-2"), "{}",
                    ContentType.APPLICATION_JSON).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TargetPolicy.RefusedTarget.class);
        }
        assertThat(received).isEmpty();
    }

    private URI target(String host) {
        return URI.create("http://" + host + ":" + receiver.getAddress().getPort() + "/hook");
    }

    private HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebhookProperties properties() {
        return new WebhookProperties(true, null, null, null, null, null, null);
    }
}
