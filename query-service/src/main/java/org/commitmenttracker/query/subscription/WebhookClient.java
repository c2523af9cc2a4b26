package org.commitmenttracker.query.subscription;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends webhook requests without holding a thread while a target answers. Its only resolver is
 * {@link TargetPolicy#resolveAllowed}: the connection goes to an address the policy checked at
 * that moment, never to one a name resolves to after the check. No proxy, no redirects, no
 * cookies; the target's answer body is discarded unread.
 */
final class WebhookClient implements AutoCloseable {

    private final CloseableHttpAsyncClient client;

    WebhookClient(TargetPolicy targets, Duration connectTimeout, Duration requestTimeout) {
        DnsResolver checkedResolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return targets.resolveAllowed(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDnsResolver(checkedResolver)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(requestTimeout))
                        .build())
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(4)
                .build();
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(requestTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableAutomaticRetries()
                .build();
        client.start();
    }

    /** POSTs the body; completes with the answer's status code, or exceptionally when no answer came. */
    CompletableFuture<Integer> post(URI target, Map<String, String> headers, String body, ContentType contentType) {
        SimpleRequestBuilder request = SimpleRequestBuilder.post(target).setBody(body, contentType);
        headers.forEach(request::addHeader);
        CompletableFuture<Integer> status = new CompletableFuture<>();
        client.execute(SimpleRequestProducer.create(request.build()),
                new BasicResponseConsumer<>(new DiscardingEntityConsumer<>()), null,
                new FutureCallback<Message<HttpResponse, Void>>() {
                    @Override
                    public void completed(Message<HttpResponse, Void> answer) {
                        status.complete(answer.getHead().getCode());
                    }

                    @Override
                    public void failed(Exception e) {
                        status.completeExceptionally(e);
                    }

                    @Override
                    public void cancelled() {
                        status.cancel(false);
                    }
                });
        return status;
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
