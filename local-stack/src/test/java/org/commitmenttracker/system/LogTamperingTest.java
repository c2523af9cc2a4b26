package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commitmenttracker.events.integrity.IntegrityChain;
import org.commitmenttracker.events.log.Checkpoint;
import org.commitmenttracker.events.log.Ed25519Keys;
import org.commitmenttracker.events.log.SignedNote;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.verifier.Verification.Check;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the per-commitment chain cannot catch, the log does (domain.md, "The log"): an intruder
 * with the database's superuser rewrites a payload and re-hashes the whole chain, cuts off the
 * newest events, swaps two events in the log's order, or presents a checkpoint signed by another
 * key. Each is caught by the offline verifier against a checkpoint the auditor saved before, and
 * by {@code /api/integrity}; each test names the check that caught it.
 */
class LogTamperingTest {

    private RunningSystem system;
    private Officer officer;
    private TrackerHttp queries;
    private LogAuditing auditor;

    /** Tampering damages the log for good: each test has a system of its own. */
    @BeforeEach
    void startASystemOfItsOwn() throws Exception {
        system = RunningSystem.isolated();
        officer = new Officer(system.commands());
        queries = system.queries();
        auditor = new LogAuditing(system);
    }

    @AfterEach
    void stop() {
        system.close();
    }

    /** Announced, pledged, two disbursements: versions 1 to 4. */
    private String commitmentWithFourEvents() {
        String id = Bodies.newId();
        String path = "/api/commitments/" + id;
        officer.post("/api/commitments", Bodies.announcement(id));
        officer.post(path + "/pledges", Bodies.pledge("p-1", "250000.00", "USD"));
        officer.post(path + "/disbursements", Bodies.disbursement("vch-001", "1000.00"));
        officer.post(path + "/disbursements", Bodies.disbursement("vch-002", "2000.00"));
        return id;
    }

    @Test
    void aRewrittenPayloadWithItsWholeChainRecomputedIsCaughtByTheLog() throws Exception {
        commitmentWithFourEvents();
        String id = commitmentWithFourEvents();
        Path saved = auditor.save("saved.txt", auditor.checkpointOfEverything());
        Path key = auditor.save("key.pub", auditor.key());

        String rewritten = rewriteAndRehash(id, 3, "Centro de Derechos Laborales", "Elsewhere Holdings Ltd");

        // the chain alone is fooled: every hash matches what is now stored
        assertThat(integrity(id).get("valid").asBoolean()).isTrue();

        LogAuditing.Verdict verdict = auditor.verify(auditor.export(""), saved, key);
        long position = positionOf(verdict, rewritten);
        assertThat(verdict.status()).as(verdict.report()).isEqualTo(1);
        assertThat(verdict.details().first(Check.CHAIN)).isEmpty();
        // caught by: the leaf check (the event no longer makes the log's leaf at its position), the
        // tree check (the signed root) and the saved checkpoint's consistency check
        assertThat(verdict.details().first(Check.LEAF).orElseThrow().event().eventId()).isEqualTo(rewritten);
        assertThat(verdict.details().first(Check.TREE)).isPresent();
        assertThat(verdict.details().first(Check.TRUSTED_CHECKPOINT)).isPresent();
        assertThat(verdict.report()).contains("FIRST BAD EVENT: position " + position + ", event " + rewritten);

        // /api/integrity: caught by its log check, at the same position
        JsonNode all = queries.call("/api/integrity").as("auditor").get().json();
        assertThat(all.get("valid").asBoolean()).isFalse();
        assertThat(all.get("failed")).isEmpty();
        assertThat(all.get("log").get("valid").asBoolean()).isFalse();
        assertThat(all.get("log").get("firstInvalidPosition").asLong()).isEqualTo(position);
    }

    @Test
    void theNewestEventsCutOffAreCaughtByTheSavedCheckpoint() throws Exception {
        commitmentWithFourEvents();
        String id = commitmentWithFourEvents();
        Path saved = auditor.save("saved.txt", auditor.checkpointOfEverything());
        Path key = auditor.save("key.pub", auditor.key());
        long before = auditor.storedEvents();

        tamper("DELETE FROM events.domain_event_entry WHERE global_index IN "
                + "(SELECT global_index FROM events.domain_event_entry ORDER BY global_index DESC LIMIT 2)");

        assertThat(auditor.storedEvents()).isEqualTo(before - 2);
        // the chain alone is fooled: what is left of the stream still links
        assertThat(integrity(id).get("valid").asBoolean()).isTrue();

        LogAuditing.Verdict verdict = auditor.verify(auditor.export(""), saved, key);
        assertThat(verdict.status()).as(verdict.report()).isEqualTo(1);
        // caught by: the saved checkpoint's check (it commits to more events than are left) and the
        // tree check against the log's own newest checkpoint
        assertThat(verdict.details().first(Check.TRUSTED_CHECKPOINT).orElseThrow().detail())
                .contains("commits to " + before + " events; the export holds " + (before - 2));
        assertThat(verdict.details().first(Check.TREE)).isPresent();

        JsonNode log = queries.call("/api/integrity").as("auditor").get().json().get("log");
        assertThat(log.get("valid").asBoolean()).isFalse();
        assertThat(log.get("problem").asText()).contains("events were removed");
        assertThat(log.get("firstInvalidPosition").asLong()).isEqualTo(before - 1);
    }

    @Test
    void twoEventsSwappedInTheLogsOrderAreCaughtByTheLog() throws Exception {
        commitmentWithFourEvents();
        commitmentWithFourEvents();
        Path saved = auditor.save("saved.txt", auditor.checkpointOfEverything());
        Path key = auditor.save("key.pub", auditor.key());

        // positions 4 and 5: the first commitment's last event and the second's announcement
        tamper("UPDATE query.feed_event SET position = 1000004 WHERE position = 4",
                "UPDATE query.feed_event SET position = 4 WHERE position = 5",
                "UPDATE query.feed_event SET position = 5 WHERE position = 1000004");

        LogAuditing.Verdict verdict = auditor.verify(auditor.export(""), saved, key);
        assertThat(verdict.status()).as(verdict.report()).isEqualTo(1);
        // each commitment's own order is intact: the chains hold
        assertThat(verdict.details().first(Check.CHAIN)).isEmpty();
        // caught by: the leaf check at position 4, the tree check and the saved checkpoint's check
        assertThat(verdict.details().first(Check.LEAF).orElseThrow().event().position()).isEqualTo(4);
        assertThat(verdict.details().first(Check.TRUSTED_CHECKPOINT)).isPresent();
        assertThat(verdict.report()).contains("FIRST BAD EVENT: position 4");

        JsonNode all = queries.call("/api/integrity").as("auditor").get().json();
        assertThat(all.get("failed")).isEmpty();
        assertThat(all.get("log").get("valid").asBoolean()).isFalse();
        assertThat(all.get("log").get("firstInvalidPosition").asLong()).isEqualTo(4);
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() throws Exception {
        commitmentWithFourEvents();
        String genuine = auditor.checkpointOfEverything();
        Path key = auditor.save("key.pub", auditor.key());
        Checkpoint real = auditor.checkpoint(genuine);

        // an intruder's key, under the log's own name, signs a longer log that never existed
        Ed25519Keys.SigningKey intruder = Ed25519Keys.generate();
        Checkpoint forged = new Checkpoint(real.origin(), real.size() + 5, new byte[32]);
        String forgedNote = SignedNote.sign(forged.text(), real.origin(), intruder.privateKey(), intruder.publicKey());
        try (Connection superuser = system.database.superuserConnection();
             PreparedStatement insert = superuser.prepareStatement("INSERT INTO query.log_checkpoint "
                     + "(tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, now())")) {
            insert.setLong(1, forged.size());
            insert.setBytes(2, forged.rootHash());
            insert.setString(3, forgedNote);
            insert.executeUpdate();
        }

        // the log now serves it as its newest; the auditor's saved key refuses it (signature check)
        String served = queries.call("/api/log/checkpoint").get().body();
        assertThat(served).isEqualTo(forgedNote);
        assertThat(SignedNote.open(served, SignedNote.VerifierKey.parse(auditor.key()))).isEmpty();

        // the verifier: caught by the signature check, in the export and as a "trusted" checkpoint
        Path presented = auditor.save("presented.txt", forgedNote);
        LogAuditing.Verdict verdict = auditor.verify(auditor.export(""), presented, key);
        assertThat(verdict.status()).as(verdict.report()).isEqualTo(1);
        assertThat(verdict.details().first(Check.SIGNATURE).orElseThrow().detail())
                .contains("checkpoint of size " + forged.size());
        assertThat(verdict.details().first(Check.TRUSTED_CHECKPOINT).orElseThrow().detail())
                .contains("no valid signature");

        JsonNode log = queries.call("/api/integrity").as("auditor").get().json().get("log");
        assertThat(log.get("valid").asBoolean()).isFalse();
        assertThat(log.get("problem").asText()).contains("checkpoint of size " + forged.size()
                + " is not signed by this log's key");
    }

    private JsonNode integrity(String id) {
        return queries.call("/api/commitments/" + id + "/integrity").as("auditor").get().json();
    }

    private static long positionOf(LogAuditing.Verdict verdict, String eventId) {
        return verdict.details().findings().stream().map(f -> f.event()).filter(e -> e != null)
                .filter(e -> e.eventId().equals(eventId)).findFirst().orElseThrow().position();
    }

    /**
     * Replaces text in the payload of one version and recomputes the chain (version 2,
     * docs/integrity.md) from there to the stream's end, as an intruder who read the docs would;
     * answers the rewritten event's id.
     */
    private String rewriteAndRehash(String id, long version, String from, String to) throws SQLException {
        JsonNode history = queries.call("/api/commitments/" + id + "/history").as("auditor").get().json();
        List<String[]> updates = new ArrayList<>();
        String previousHash = null;
        String rewritten = null;
        try (Connection superuser = system.database.superuserConnection();
             PreparedStatement select = superuser.prepareStatement("SELECT event_identifier, sequence_number, "
                     + "payload_type, payload_revision, time_stamp, payload, meta_data FROM events.domain_event_entry "
                     + "WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long v = rows.getLong("sequence_number") + 1;
                    ObjectNode metaData = (ObjectNode) IntegrityChain.parse(rows.getBytes("meta_data"));
                    String payload = new String(rows.getBytes("payload"), StandardCharsets.UTF_8);
                    if (v < version) {
                        previousHash = metaData.get("hash").asText();
                        continue;
                    }
                    if (v == version) {
                        assertThat(payload).contains(from);
                        payload = payload.replace(from, to);
                        rewritten = rows.getString("event_identifier");
                    }
                    String type = rows.getString("payload_type");
                    String hash = IntegrityChain.hashV2(previousHash, new IntegrityChain.Identity(
                                    rows.getString("event_identifier"), id, v, Instant.parse(rows.getString("time_stamp"))),
                            new IntegrityChain.Link(type.substring(type.lastIndexOf('.') + 1),
                                    rows.getString("payload_revision"),
                                    LocalDate.parse(history.get((int) v - 1).get("occurredOn").asText()),
                                    metaData.get("actor").asText(),
                                    IntegrityChain.parse(payload.getBytes(StandardCharsets.UTF_8))));
                    metaData.put("previousHash", previousHash);
                    metaData.put("hash", hash);
                    updates.add(new String[]{rows.getString("event_identifier"), payload, metaData.toString()});
                    previousHash = hash;
                }
            }
            superuser.setAutoCommit(false);
            try (Statement statement = superuser.createStatement();
                 PreparedStatement update = superuser.prepareStatement(
                         "UPDATE events.domain_event_entry SET payload = ?, meta_data = ? WHERE event_identifier = ?")) {
                statement.execute("ALTER TABLE events.domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
                for (String[] row : updates) {
                    update.setBytes(1, row[1].getBytes(StandardCharsets.UTF_8));
                    update.setBytes(2, row[2].getBytes(StandardCharsets.UTF_8));
                    update.setString(3, row[0]);
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
                statement.execute("ALTER TABLE events.domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
            }
            superuser.commit();
        }
        return rewritten;
    }

    /** Runs statements as the superuser with the event store's append-only trigger off, in one transaction. */
    private void tamper(String... statements) throws SQLException {
        try (Connection superuser = system.database.superuserConnection()) {
            superuser.setAutoCommit(false);
            try (Statement statement = superuser.createStatement()) {
                statement.execute("ALTER TABLE events.domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
                for (String sql : statements) {
                    assertThat(statement.executeUpdate(sql)).as(sql).isPositive();
                }
                statement.execute("ALTER TABLE events.domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
            }
            superuser.commit();
        }
    }
}
