package org.commitmenttracker.system;

import org.commitmenttracker.events.log.Checkpoint;
import org.commitmenttracker.events.log.SignedNote;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.verifier.Export;
import org.commitmenttracker.verifier.TrackerVerify;
import org.commitmenttracker.verifier.Verification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an auditor does with the log over HTTP: waits for a checkpoint, saves it and the key, exports, verifies. */
final class LogAuditing {

    private final RunningSystem system;
    private final TrackerHttp queries;
    private final Path folder;

    LogAuditing(RunningSystem system) throws IOException {
        this.system = system;
        this.queries = system.queries();
        this.folder = Files.createTempDirectory("tracker-audit");
    }

    /** The number of events in the event store. */
    long storedEvents() {
        try (var owner = system.ownerConnection(); var statement = owner.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM events.domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a checkpoint covers every stored event; answers its note. */
    String checkpointOfEverything() {
        long events = storedEvents();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            TrackerHttp.Response response = queries.call("/api/log/checkpoint").get();
            return response.status() == 200 && checkpoint(response.body()).size() == events;
        });
        return queries.call("/api/log/checkpoint").get().body();
    }

    String key() {
        TrackerHttp.Response response = queries.call("/api/log/key").get();
        assertThat(response.status()).isEqualTo(200);
        return response.body().trim();
    }

    Checkpoint checkpoint(String note) {
        return Checkpoint.parse(SignedNote.open(note, SignedNote.VerifierKey.parse(key())).orElseThrow());
    }

    Path save(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    /** {@code GET /api/export} as the auditor, into a file. */
    Path export(String query) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(queries.baseUrl() + "/api/export" + query))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("auditor:auditor-local".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        return Files.write(Files.createTempFile(folder, "export", ".zip"), response.body());
    }

    /** The verifier's answer: exit status and printed report. */
    record Verdict(int status, String report, Verification.Report details) {
    }

    Verdict verify(Path export, Path trustedCheckpoint, Path key) throws IOException {
        List<String> args = new ArrayList<>(List.of(export.toString()));
        if (trustedCheckpoint != null) {
            args.addAll(List.of("--trusted-checkpoint", trustedCheckpoint.toString()));
        }
        if (key != null) {
            args.addAll(List.of("--key", key.toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TrackerVerify.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Verification.Report details = Verification.verify(Export.read(export),
                key == null ? null : Files.readString(key).trim(),
                trustedCheckpoint == null ? null : Files.readString(trustedCheckpoint));
        return new Verdict(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8), details);
    }
}
