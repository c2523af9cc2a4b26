package org.commitmenttracker.system;

import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What a hostile client can throw at the services gets a clean 4xx problem and leaves nothing behind. */
class HostileInputTest {

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();

    @Test
    void bodyOfFiveMegabytesIsRefusedAsTooLarge() {
        String huge = "{\"title\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}";

        Response refused = commands.call("/api/commitments").as("officer").post(huge);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void jsonNestedTenThousandLevelsDeepIsABadRequest() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        Response refused = commands.call("/api/commitments").as("officer").post("{\"title\": " + deep + "}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void numberOfAThousandDigitsIsABadRequest() {
        String id = Bodies.newId();
        commands.call("/api/commitments").as("officer").post(Bodies.announcement(id));

        Response refused = commands.call("/api/commitments/" + id + "/pledges").as("officer").post("""
                {"amount": {"value": %s, "currency": "USD"}, "periodFrom": "2021-06-08", "periodTo": "2024-06-07",
                 "fundingSource": "DOL"}""".formatted("9".repeat(1000)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void nulByteInARecipientIsRefusedAndRecordsNothing() {
        String id = Bodies.newId();
        commands.call("/api/commitments").as("officer").post(Bodies.announcement(id));
        commands.call("/api/commitments/" + id + "/pledges").as("officer").post("""
                {"pledgeId": "pledge-1", "amount": {"value": "1000", "currency": "USD"}, "periodFrom": "2021-06-08",
                 "periodTo": "2024-06-07", "fundingSource": "DOL"}""");

        Response refused = commands.call("/api/commitments/" + id + "/disbursements").as("officer").post("""
                {"disbursementId": "v-1", "amount": {"value": "10", "currency": "USD"}, "disbursedOn": "2021-11-15",
                 "recipient": "IL\\u0000O"}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("recipient");
        assertThat(system.queries().call("/api/commitments/" + id + "?minVersion=2").as("officer").get()
                .json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void malformedRequestLineIsAProblemWithoutInternals() throws IOException {
        String port = system.commandService.getEnvironment().getProperty("local.server.port");
        try (Socket socket = new Socket("localhost", Integer.parseInt(port))) {
            socket.getOutputStream().write(("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).doesNotContain("Exception").doesNotContain("org.apache").doesNotContain("at java");
        }
    }

    @Test
    void answersCarryTheUsualSecurityHeaders() {
        Response answer = system.queries().call("/api/commitments").as("officer").get();

        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.header("X-Frame-Options")).contains("DENY");
        assertThat(answer.header("Referrer-Policy")).contains("no-referrer");
        assertThat(answer.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
        assertThat(answer.header("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
    }
}
