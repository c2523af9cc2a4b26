package org.commitmenttracker.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.commitmenttracker.events.integrity.IntegrityChain;
import org.commitmenttracker.events.log.Checkpoint;
import org.commitmenttracker.events.log.Ed25519Keys;
import org.commitmenttracker.events.log.ExportFormat;
import org.commitmenttracker.events.log.LogLeaf;
import org.commitmenttracker.events.log.MerkleTree;
import org.commitmenttracker.events.log.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier on exports built here by the rules of docs/integrity.md: a sound one passes with
 * exit status 0; each kind of damage fails with status 1 and names its check and first bad event.
 */
class VerificationTest {

    private static final String ORIGIN = "test.example/log";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Ed25519Keys.SigningKey key = Ed25519Keys.generate();
    private final String verifierKey = SignedNote.VerifierKey.of(ORIGIN, key.publicKey()).toString();

    @TempDir
    Path folder;

    /** Six events over two commitments, interleaved, each chained by version 2, with the log's leaves. */
    private List<ExportFormat.Event> events() {
        List<ExportFormat.Event> events = new ArrayList<>();
        String[] last = {IntegrityChain.GENESIS, IntegrityChain.GENESIS};
        for (int i = 0; i < 6; i++) {
            int c = i % 2;
            String commitment = "c-" + c;
            long version = i / 2 + 1;
            String eventId = "event-" + i;
            Instant recordedAt = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
            String payload = "{\"commitmentId\":\"" + commitment + "\",\"note\":\"fact " + i + "\",\"amount\":12.50}";
            String hash = IntegrityChain.hashV2(last[c], new IntegrityChain.Identity(eventId, commitment, version, recordedAt),
                    new IntegrityChain.Link("EvidenceAttached", "1", LocalDate.parse("2021-06-08"), "officer",
                            IntegrityChain.parse(payload.getBytes(StandardCharsets.UTF_8))));
            String metadata = "{\"actor\":\"officer\",\"chain\":2,\"previousHash\":\"" + last[c] + "\",\"hash\":\"" + hash + "\"}";
            byte[] leaf = new LogLeaf(eventId, commitment, version, recordedAt, hash).hash();
            events.add(new ExportFormat.Event(i + 1, eventId, commitment, version, "EvidenceAttached", "1",
                    recordedAt.toString(), "2021-06-08", payload, metadata, HexFormat.of().formatHex(leaf)));
            last[c] = hash;
        }
        return events;
    }

    private String checkpoint(List<ExportFormat.Event> events, long size, Ed25519Keys.SigningKey by) {
        MerkleTree.InMemory tree = new MerkleTree.InMemory();
        events.forEach(e -> tree.append(HexFormat.of().parseHex(e.leafHash())));
        return SignedNote.sign(new Checkpoint(ORIGIN, size, tree.root(size)).text(), ORIGIN, by.privateKey(), by.publicKey());
    }

    private Path zip(List<ExportFormat.Event> events, List<String> checkpoints, long treeSize) throws IOException {
        Path file = Files.createTempFile(folder, "export", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(ExportFormat.MANIFEST));
            zip.write(JSON.writeValueAsBytes(new ExportFormat.Manifest(ExportFormat.FORMAT, ORIGIN, treeSize, null, "now")));
            zip.putNextEntry(new ZipEntry(ExportFormat.KEY));
            zip.write((verifierKey + "\n").getBytes(StandardCharsets.UTF_8));
            for (String note : checkpoints) {
                long size = Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1)).size();
                zip.putNextEntry(new ZipEntry(ExportFormat.CHECKPOINTS + size + ".txt"));
                zip.write(note.getBytes(StandardCharsets.UTF_8));
            }
            zip.putNextEntry(new ZipEntry(ExportFormat.EVENTS));
            for (ExportFormat.Event event : events) {
                zip.write(JSON.writeValueAsBytes(event));
                zip.write('\n');
            }
        }
        return file;
    }

    private int run(Path export, String trusted, StringBuilder report) throws IOException {
        Path key = Files.writeString(folder.resolve("key.pub"), verifierKey);
        List<String> args = new ArrayList<>(List.of(export.toString(), "--key", key.toString()));
        if (trusted != null) {
            args.addAll(List.of("--trusted-checkpoint", Files.writeString(folder.resolve("saved.txt"), trusted).toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TrackerVerify.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        report.append(out.toString(StandardCharsets.UTF_8));
        return status;
    }

    @Test
    void aSoundExportVerifies() throws IOException {
        List<ExportFormat.Event> events = events();
        StringBuilder report = new StringBuilder();
        assertThat(run(zip(events, List.of(checkpoint(events, 4, key), checkpoint(events, 6, key)), 6),
                checkpoint(events, 4, key), report)).as(report.toString()).isZero();
        assertThat(report).contains("OK: every check holds");
    }

    @Test
    void aPayloadChangedInTheExportIsNamedByTheChainCheck() throws IOException {
        List<ExportFormat.Event> events = events();
        List<ExportFormat.Event> changed = replace(events, 2, e -> new ExportFormat.Event(e.position(), e.eventId(),
                e.commitmentId(), e.version(), e.type(), e.revision(), e.recordedAt(), e.occurredOn(),
                e.payload().replace("12.50", "125.0"), e.metadata(), e.leafHash()));
        StringBuilder report = new StringBuilder();
        assertThat(run(zip(changed, List.of(checkpoint(events, 6, key)), 6), null, report)).isEqualTo(1);
        assertThat(report).contains("FAIL [CHAIN] commitment c-0 version 2 (position 3)")
                .contains("FIRST BAD EVENT: position 3, event event-2");
    }

    @Test
    void anExportShorterThanTheSavedCheckpointFails() throws IOException {
        List<ExportFormat.Event> events = events();
        StringBuilder report = new StringBuilder();
        assertThat(run(zip(events.subList(0, 4), List.of(checkpoint(events, 4, key)), 4), checkpoint(events, 6, key),
                report)).isEqualTo(1);
        assertThat(report).contains("FAIL [TRUSTED_CHECKPOINT] the trusted checkpoint commits to 6 events; the export holds 4");
    }

    @Test
    void aCheckpointOfAnotherKeyFailsTheSignatureCheck() throws IOException {
        List<ExportFormat.Event> events = events();
        StringBuilder report = new StringBuilder();
        assertThat(run(zip(events, List.of(checkpoint(events, 6, Ed25519Keys.generate())), 6), null, report))
                .isEqualTo(1);
        assertThat(report).contains("FAIL [SIGNATURE] checkpoint of size 6 has no valid signature by " + ORIGIN + "+");
    }

    @Test
    void anUnreadableExportIsStatusTwo() throws IOException {
        StringBuilder report = new StringBuilder();
        assertThat(run(Files.writeString(folder.resolve("not.zip"), "not a zip"), null, report)).isEqualTo(2);
    }

    private static List<ExportFormat.Event> replace(List<ExportFormat.Event> events, int index,
                                                    UnaryOperator<ExportFormat.Event> change) {
        List<ExportFormat.Event> copy = new ArrayList<>(events);
        copy.set(index, change.apply(copy.get(index)));
        return copy;
    }
}
