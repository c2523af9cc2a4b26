package org.commitmenttracker.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.log.ExportFormat;
import org.commitmenttracker.query.log.Checkpoints;
import org.commitmenttracker.query.log.LogSigningKey;
import org.commitmenttracker.query.log.LogSwitch;
import org.commitmenttracker.query.log.LogTree;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The export an auditor verifies offline (api.md {@code /api/export}, {@link ExportFormat}): the
 * log up to its newest checkpoint, every event as stored with the leaf the log holds for it, every
 * checkpoint, and the verifier key. Streamed: one batch of events in memory at a time.
 */
@Service
public class LogExport {

    private final EventStoreReader store;
    private final EventDecoder decoder;
    private final LogTree tree;
    private final Checkpoints checkpoints;
    private final LogSigningKey key;
    private final ObjectMapper json;
    private final Clock clock;
    private final LogSwitch logSwitch;

    LogExport(EventStoreReader store, EventDecoder decoder, LogTree tree, Checkpoints checkpoints, LogSigningKey key,
              ObjectMapper json, Clock clock, LogSwitch logSwitch) {
        this.store = store;
        this.decoder = decoder;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.key = key;
        this.json = json;
        this.clock = clock;
        this.logSwitch = logSwitch;
    }

    /** What will be exported; refused before anything is written when there is nothing to verify. */
    public ExportFormat.Manifest plan(String commitmentId) {
        logSwitch.requireOn();
        if (commitmentId != null && store.version(commitmentId) == 0) {
            throw ApiException.notFound("Commitment '" + commitmentId + "' does not exist.");
        }
        long treeSize = checkpoints.newestSize();
        if (treeSize == 0) {
            throw ApiException.conflict("The log has no signed checkpoint yet; try again in a few seconds.");
        }
        return new ExportFormat.Manifest(ExportFormat.FORMAT, key.origin(), treeSize, commitmentId,
                clock.instant().toString());
    }

    public void write(ExportFormat.Manifest manifest, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        entry(zip, ExportFormat.MANIFEST, json.writeValueAsBytes(manifest));
        entry(zip, ExportFormat.KEY, (key.verifierKey() + "\n").getBytes(StandardCharsets.UTF_8));
        long from = 0;
        List<Checkpoints.Signed> page;
        do {
            page = checkpoints.from(from, 1000);
            for (var checkpoint : page) {
                if (checkpoint.treeSize() <= manifest.treeSize()) {
                    entry(zip, ExportFormat.CHECKPOINTS + checkpoint.treeSize() + ".txt",
                            checkpoint.note().getBytes(StandardCharsets.UTF_8));
                }
                from = checkpoint.treeSize() + 1;
            }
        } while (page.size() == 1000 && from <= manifest.treeSize());

        List<Long> positions = new ArrayList<>();
        zip.putNextEntry(new ZipEntry(ExportFormat.EVENTS));
        store.forEachInFeedOrder(manifest.treeSize(), manifest.commitmentId(), logged -> {
            StoredEvent event = logged.event();
            ExportFormat.Event exported = new ExportFormat.Event(logged.position(), event.eventId(),
                    event.commitmentId(), event.version(), event.type(), event.revision(),
                    event.recordedAt().toString(),
                    decoder.decode(event).map(CommitmentEvent::occurredOn).map(Object::toString).orElse(null),
                    new String(event.payload(), StandardCharsets.UTF_8),
                    event.metaData() == null ? null : new String(event.metaData(), StandardCharsets.UTF_8),
                    logged.leafHash() == null ? null : HexFormat.of().formatHex(logged.leafHash()));
            try {
                zip.write(json.writeValueAsBytes(exported));
                zip.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            positions.add(logged.position());
        });
        zip.closeEntry();

        if (manifest.commitmentId() != null) {
            zip.putNextEntry(new ZipEntry(ExportFormat.PROOFS));
            for (long position : positions) {
                List<String> hashes = tree.inclusionProof(position - 1, manifest.treeSize()).stream()
                        .map(Base64.getEncoder()::encodeToString).toList();
                zip.write(json.writeValueAsBytes(new ExportFormat.Inclusion(position, manifest.treeSize(), hashes)));
                zip.write('\n');
            }
            zip.closeEntry();
        }
        zip.finish();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
