package org.commitmenttracker.system;

import org.commitmenttracker.testsupport.TrackerHttp;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, finding 1: 220 connections declaring a body of 100,000 bytes and sending one byte
 * every 2 s left the command service's health and every command unanswered for the whole hold.
 * Now a body is read without a thread: while 200 such connections are held (half without
 * credentials, half as an officer), they hold no request thread, and health and a command
 * still answer within 2 s.
 */
class SlowClientsTest {

    private final RunningSystem system = RunningSystem.shared();

    @Test
    void twoHundredSlowBodiesLeaveHealthAndCommandsAnswering() throws Exception {
        int port = Integer.parseInt(system.commandService.getEnvironment().getProperty("local.server.port"));
        TrackerHttp commands = system.commands();
        // First requests initialise Spring MVC; that is not what is measured here.
        assertThat(commands.call("/actuator/health").get().status()).isEqualTo(200);
        assertThat(commands.call("/api/commitments").as("officer").post(Bodies.announcement(Bodies.newId())).status())
                .isEqualTo(201);
        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService dripping = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 200; i++) {
                Socket socket = new Socket("localhost", port);
                socket.getOutputStream().write(("POST /api/commitments HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100000\r\n"
                        + (i % 2 == 0 ? "" : "Authorization: " + basic("officer") + "\r\n") + "\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            dripping.scheduleWithFixedDelay(() -> slow.forEach(SlowClientsTest::drip), 2, 2, TimeUnit.SECONDS);
            Thread.sleep(1000); // let the service take them all in
            assertThat(busyRequestThreads()).as("request threads busy while 200 bodies trickle in").isLessThan(50);

            for (int round = 0; round < 3; round++) {
                long started = System.nanoTime();
                TrackerHttp.Response health = commands.call("/actuator/health").get();
                Duration healthTook = Duration.ofNanos(System.nanoTime() - started);
                assertThat(health.status()).isEqualTo(200);
                assertThat(health.json().get("status").asText()).isEqualTo("UP");
                assertThat(healthTook).isLessThan(Duration.ofSeconds(2));

                String id = Bodies.newId();
                started = System.nanoTime();
                TrackerHttp.Response announced = commands.call("/api/commitments").as("officer").post(Bodies.announcement(id));
                Duration commandTook = Duration.ofNanos(System.nanoTime() - started);
                assertThat(announced.status()).isEqualTo(201);
                assertThat(announced.json().get("commitmentId").asText()).isEqualTo(id);
                assertThat(commandTook).isLessThan(Duration.ofSeconds(2));
                Thread.sleep(1000);
            }
        } finally {
            dripping.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIsARequestTimeout() throws Exception {
        int port = Integer.parseInt(system.commandService.getEnvironment().getProperty("local.server.port"));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/commitments HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\nAuthorization: " + basic("officer")
                    + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(answer).contains("application/problem+json");
        }
    }

    private int busyRequestThreads() {
        var server = (TomcatWebServer) ((ServletWebServerApplicationContext) system.commandService).getWebServer();
        return ((ThreadPoolExecutor) server.getTomcat().getConnector().getProtocolHandler().getExecutor()).getActiveCount();
    }

    private static void drip(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException closed) {
            // the service may close a connection; the others keep dripping
        }
    }

    private static String basic(String localUser) {
        return "Basic " + Base64.getEncoder().encodeToString((localUser + ":" + localUser + "-local")
                .getBytes(StandardCharsets.UTF_8));
    }
}
