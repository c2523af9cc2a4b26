package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commitmenttracker.service.security.TrackerSecurityProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile test of issue 15, kept as a table: each request as a hostile client sent it, raw
 * on the socket, with the finding it guards. Every answer is the expected 4xx as a problem
 * document, never a 500 and never the container's HTML page.
 */
class HostileFindingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunningSystem system = RunningSystem.shared();

    enum Service { COMMAND, QUERY }

    record Case(String finding, Service service, String request, int... status) {
        @Override
        public String toString() {
            return finding;
        }
    }

    static Stream<Case> findings() {
        String auditor = basic("auditor");
        return Stream.of(
                new Case("5: knownAt beyond any calendar was a DateTimeException (500)", Service.QUERY,
                        get("/api/commitments/c-1/state?knownAt=%2B1000000000-01-01T00:00:00Z", auditor), 400),
                new Case("5: knownAt before year 1", Service.QUERY,
                        get("/api/commitments/c-1/state?knownAt=-1000000000-01-01T00:00:00Z", auditor), 400),
                new Case("5: asOf beyond year 9999", Service.QUERY,
                        get("/api/commitments/c-1/state?asOf=%2B999999999-12-31", auditor), 400),
                new Case("5: /error without credentials on the command service was a 500", Service.COMMAND,
                        get("/error", null), 404),
                new Case("5: /error without credentials on the query service was a 500", Service.QUERY,
                        get("/error", null), 404),
                new Case("6: a URL over 8 KB was Tomcat's HTML page", Service.QUERY,
                        get("/api/commitments?q=" + "x".repeat(9000), basic("officer")), 400, 414),
                new Case("6: a header over 8 KB was Tomcat's HTML page", Service.COMMAND,
                        withHeaders(get("/actuator/health", null), "X-Big: " + "x".repeat(9000) + "\r\n"), 400, 431),
                new Case("6: more than 100 headers was Tomcat's HTML page", Service.COMMAND,
                        withHeaders(get("/actuator/health", null), manyHeaders(101)), 400),
                new Case("6: %2F in a path was Tomcat's HTML page", Service.QUERY,
                        get("/api/commitments/a%2Fb", basic("officer")), 400),
                new Case("6: %00 in a path was Tomcat's HTML page", Service.QUERY,
                        get("/api/commitments/a%00b", basic("officer")), 400),
                new Case("6: %2F in a path on the command service", Service.COMMAND,
                        get("/api/commitments/a%2Fb/fulfil", basic("officer")), 400),
                new Case("6: an unknown API path said \"No static resource\"", Service.QUERY,
                        get("/api/no-such-thing", basic("officer")), 404),
                new Case("6: PUT on a command path was a 403", Service.COMMAND,
                        "PUT /api/commitments HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("officer")
                                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
                        405),
                new Case("6: GET on a command path is a 405 too", Service.COMMAND,
                        get("/api/commitments", basic("officer")), 405),
                new Case("7: the subscriptions were one unpaginated list: a page over 200 is refused", Service.QUERY,
                        get("/api/subscriptions?size=201", basic("integrator")), 400),
                new Case("7: a page of no subscriptions", Service.QUERY,
                        get("/api/subscriptions?size=0", basic("integrator")), 400),
                new Case("7: a negative page of subscriptions", Service.QUERY,
                        get("/api/subscriptions?page=-1", basic("admin")), 400),
                new Case("7: a page size that is not a number", Service.QUERY,
                        get("/api/subscriptions?size=all", basic("integrator")), 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("findings")
    void hostileRequestGetsAProblemDocument(Case hostile) throws IOException {
        String answer = exchange(hostile.service(), hostile.request());

        String head = answer.substring(0, Math.max(answer.indexOf("\r\n\r\n"), 0));
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        int status = Integer.parseInt(head.substring(9, 12));
        assertThat(status).isIn(java.util.Arrays.stream(hostile.status()).boxed().toArray());
        assertThat(head.toLowerCase()).contains("content-type: application/problem+json");
        JsonNode problem = JSON.readTree(dechunked(head, body));
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(body).doesNotContain("Exception").doesNotContain("org.apache").doesNotContain("<html")
                .doesNotContain("Tomcat").doesNotContain("static resource");
    }

    /** Finding 9: the OpenAPI document put the request's Host header into servers[0].url. */
    @org.junit.jupiter.api.Test
    void theOpenApiDocumentNamesTheConfiguredServerNotTheHostHeader() throws IOException {
        for (Service service : Service.values()) {
            String answer = exchange(service, get("/v3/api-docs", null).replace("Host: localhost", "Host: attacker.example"));

            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            assertThat(head).startsWith("HTTP/1.1 200");
            JsonNode document = JSON.readTree(dechunked(head, answer.substring(answer.indexOf("\r\n\r\n") + 4)));
            assertThat(document.get("servers").get(0).get("url").asText()).isEqualTo("/");
            assertThat(answer).doesNotContain("attacker.example");
        }
    }

    /**
     * Finding 8: about 22 wrong passwords a second per client went unthrottled. From one address
     * (127.0.0.5), wrong passwords for ever other user names, up to the address's limit; then
     * even a right password from there is a 429 with Retry-After, while the same user from
     * another address signs in.
     */
    @org.junit.jupiter.api.Test
    void finding8_passwordGuessingFromOneAddressEndsIn429WhileOtherClientsSignIn() {
        int port = Integer.parseInt(system.queryService.getEnvironment().getProperty("local.server.port"));
        int limit = system.queryService.getBean(TrackerSecurityProperties.class).loginThrottle().perAddress().failures();
        for (int i = 0; i < limit; i++) {
            assertThat(RawHttp.get("127.0.0.5", port, "/api/commitments", "guessed-user-" + i, "guess").status())
                    .isEqualTo(401);
        }

        RawHttp.Answer throttled = RawHttp.get("127.0.0.5", port, "/api/commitments", "officer", "officer-local");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("content-type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(throttled.header("retry-after"))).isPositive();
        assertThat(system.queries().call("/api/commitments").as("officer").get().status()).isEqualTo(200);
    }

    private String exchange(Service service, String request) throws IOException {
        var context = service == Service.COMMAND ? system.commandService : system.queryService;
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String get(String path, String authorization) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Connection: close\r\n\r\n";
    }

    static String withHeaders(String request, String headers) {
        return request.replace("Host: localhost\r\n", "Host: localhost\r\n" + headers);
    }

    static String manyHeaders(int count) {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < count; i++) {
            headers.append("X-H").append(i).append(": ").append(i).append("\r\n");
        }
        return headers.toString();
    }

    static String basic(String localUser) {
        return "Basic " + Base64.getEncoder().encodeToString((localUser + ":" + localUser + "-local")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The body without chunk sizes, when the answer came chunked. */
    private static String dechunked(String head, String body) {
        if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
