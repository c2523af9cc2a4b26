package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.events.log.Checkpoint;
import org.commitmenttracker.events.log.MerkleTree;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.verifier.Export;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log as anyone sees it (api.md {@code /api/log/...}): signed checkpoints, the key and
 * proofs without a login; the export for auditors, which the offline verifier accepts.
 */
class LogTest {

    // its own system: the shared one holds events written around the aggregate (FeedTest), which no chain covers
    private static final RunningSystem system = RunningSystem.isolated();
    private final Officer officer = new Officer(system.commands());
    private final TrackerHttp queries = system.queries();

    private String commitment() {
        String id = Bodies.newId();
        officer.post("/api/commitments", Bodies.announcement(id));
        officer.post("/api/commitments/" + id + "/pledges", Bodies.pledge("p-1", "1000.00", "USD"));
        return id;
    }

    @Test
    void checkpointsKeyAndProofsNeedNoLoginAndVerify() throws Exception {
        commitment();
        LogAuditing auditor = new LogAuditing(system);
        Checkpoint first = auditor.checkpoint(auditor.checkpointOfEverything());
        commitment();
        Checkpoint second = auditor.checkpoint(auditor.checkpointOfEverything());
        assertThat(second.size()).isGreaterThan(first.size());
        assertThat(auditor.key()).startsWith("commitment-tracker.local/log+");

        // consistency of the two checkpoints (RFC 9162, 2.1.4.2)
        JsonNode consistency = queries.call("/api/log/proofs/consistency?from=" + first.size() + "&to=" + second.size())
                .get().json();
        assertThat(MerkleTree.verifyConsistency(first.size(), second.size(), first.rootHash(), second.rootHash(),
                hashes(consistency))).isTrue();

        // inclusion of the newest event, whose leaf the auditor's export holds (RFC 9162, 2.1.3.2)
        Path export = auditor.export("");
        var events = Export.read(export).events();
        var newest = events.get(events.size() - 1);
        assertThat(newest.position()).isEqualTo(second.size());
        JsonNode inclusion = queries.call("/api/log/proofs/inclusion?position=" + newest.position()
                + "&treeSize=" + second.size()).get().json();
        assertThat(inclusion.get("leafIndex").asLong()).isEqualTo(newest.position() - 1);
        assertThat(MerkleTree.verifyInclusion(newest.position() - 1, second.size(),
                HexFormat.of().parseHex(newest.leafHash()), hashes(inclusion), second.rootHash())).isTrue();

        // the earlier checkpoint is still listed
        JsonNode listed = queries.call("/api/log/checkpoints?from=" + first.size()).get().json();
        assertThat(StreamSupport.stream(listed.spliterator(), false).map(c -> c.get("treeSize").asLong()))
                .contains(first.size(), second.size());
    }

    /**
     * A database from before the log: its feed holds events that the tree does not. The next
     * event makes the service append their leaves once, from the feed and the event store, and
     * the tree it builds is the one signed before (consistent with a checkpoint saved earlier).
     */
    @Test
    void aFeedWrittenBeforeTheLogGetsItsLeavesOnceAndTheTreeExtendsTheCheckpointSignedBefore() throws Exception {
        commitment();
        LogAuditing auditor = new LogAuditing(system);
        String savedNote = auditor.checkpointOfEverything();
        Checkpoint saved = auditor.checkpoint(savedNote);
        Path savedFile = auditor.save("saved.txt", savedNote);
        Path key = auditor.save("key.pub", auditor.key());
        try (var owner = system.ownerConnection(); var statement = owner.createStatement()) {
            statement.executeUpdate("DELETE FROM query.log_node");
        }

        commitment();
        Checkpoint after = auditor.checkpoint(auditor.checkpointOfEverything());

        assertThat(after.size()).isEqualTo(auditor.storedEvents()).isGreaterThan(saved.size());
        JsonNode consistency = queries.call("/api/log/proofs/consistency?from=" + saved.size() + "&to=" + after.size())
                .get().json();
        assertThat(MerkleTree.verifyConsistency(saved.size(), after.size(), saved.rootHash(), after.rootHash(),
                hashes(consistency))).as("the rebuilt tree extends the tree signed before").isTrue();
        LogAuditing.Verdict verdict = auditor.verify(auditor.export(""), savedFile, key);
        assertThat(verdict.status()).as(verdict.report()).isZero();
    }

    @Test
    void anUntouchedLogVerifiesOfflineAgainstASavedCheckpoint() throws Exception {
        commitment();
        LogAuditing auditor = new LogAuditing(system);
        Path saved = auditor.save("saved.txt", auditor.checkpointOfEverything());
        Path key = auditor.save("key.pub", auditor.key());
        String id = commitment();
        auditor.checkpointOfEverything();

        LogAuditing.Verdict verdict = auditor.verify(auditor.export(""), saved, key);
        assertThat(verdict.status()).as(verdict.report()).isZero();
        assertThat(verdict.report()).contains("OK: every check holds");

        LogAuditing.Verdict one = auditor.verify(auditor.export("?commitmentId=" + id), saved, key);
        assertThat(one.status()).as(one.report()).isZero();
        assertThat(one.details().events()).isEqualTo(2);
    }

    @Test
    void outOfRangeProofsAreClearBadRequests() throws Exception {
        commitment();
        new LogAuditing(system).checkpointOfEverything();
        for (String query : List.of("/api/log/proofs/inclusion?position=0&treeSize=1",
                "/api/log/proofs/inclusion?position=2&treeSize=1",
                "/api/log/proofs/inclusion?position=1&treeSize=999999999",
                "/api/log/proofs/consistency?from=2&to=1",
                "/api/log/proofs/consistency?from=0&to=1",
                "/api/log/proofs/consistency?from=1&to=999999999",
                "/api/log/proofs/consistency?from=x&to=1")) {
            TrackerHttp.Response response = queries.call(query).get();
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void theExportIsForAuditors() {
        assertThat(queries.call("/api/export").get().status()).isEqualTo(401);
        assertThat(queries.call("/api/export").as("officer").get().status()).isEqualTo(403);
        assertThat(queries.call("/api/export?commitmentId=no-such-commitment").as("auditor").get().status())
                .isEqualTo(404);
    }

    private static List<byte[]> hashes(JsonNode proof) {
        return StreamSupport.stream(proof.get("hashes").spliterator(), false)
                .map(hash -> Base64.getDecoder().decode(hash.asText())).toList();
    }
}
