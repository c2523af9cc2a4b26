package org.commitmenttracker.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** Real HTTP to a running service, as a client of the tracker would send it. */
public final class TrackerHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public TrackerHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The answer: status, headers and the body, parsed when it is JSON. */
    public record Response(int status, HttpResponse<String> raw) {

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public String body() {
            return raw.body();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** A request being built: who sends it, and any extra headers. */
    public final class Call {
        private final HttpRequest.Builder builder;

        private Call(String path) {
            builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        }

        public Call as(String user, String password) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
            return this;
        }

        /** One of the local stack's users, whose password is {@code <user>-local}. */
        public Call as(String localUser) {
            return as(localUser, localUser + "-local");
        }

        public Call header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        public Response get() {
            return send(builder.GET());
        }

        public Response post(String json) {
            return post(json, "application/json");
        }

        public Response post(String body, String contentType) {
            return send(builder.header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        }

        /** Bytes as they are, such as a body that is not valid UTF-8. */
        public Response post(byte[] body, String contentType) {
            return send(builder.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        public Response patch(String json) {
            return send(builder.header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
        }

        /** Any method with any body and content type, as a careless or hostile client might send them. */
        public Response send(String method, String body, String contentType) {
            return send(builder.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        }

        private Response send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call call(String path) {
        return new Call(path);
    }

    public String baseUrl() {
        return baseUrl;
    }
}
