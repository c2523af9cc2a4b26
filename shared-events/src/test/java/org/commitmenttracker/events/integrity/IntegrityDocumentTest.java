package org.commitmenttracker.events.integrity;

import org.commitmenttracker.events.log.Checkpoint;
import org.commitmenttracker.events.log.Ed25519Keys;
import org.commitmenttracker.events.log.LogLeaf;
import org.commitmenttracker.events.log.MerkleTree;
import org.commitmenttracker.events.log.SignedNote;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recomputes every value of docs/integrity.md's worked example from the example's inputs with
 * the code the services run: the page and the code cannot part.
 */
class IntegrityDocumentTest {

    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: ([a-z0-9-]+) -->\\n```text\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final HexFormat HEX = HexFormat.of();
    private static final Map<String, String> examples = new HashMap<>();

    private static final IntegrityChain.Identity FIRST = new IntegrityChain.Identity(
            "0b6f3c2e-8a51-4f0e-9d3a-5c1e7b2a9f10", "us-mx-2021-hled", 1, Instant.parse("2021-06-08T14:03:07.1205Z"));
    private static final IntegrityChain.Link FIRST_LINK = new IntegrityChain.Link("CommitmentAnnounced", "1",
            LocalDate.parse("2021-06-08"), "officer", IntegrityChain.parse(("{\"commitmentId\":\"us-mx-2021-hled\","
                    + "\"title\":\"High-Level Economic Dialogue\",\"announcedOn\":\"2021-06-08\",\"parties\":[\"US\",\"MX\"]}")
                    .getBytes(StandardCharsets.UTF_8)));
    private static final IntegrityChain.Identity SECOND = new IntegrityChain.Identity(
            "7d2e9a41-3c6b-4e8f-a0b1-2c3d4e5f6a7b", "us-mx-2021-hled", 2, Instant.parse("2021-07-01T09:30:00Z"));
    private static final IntegrityChain.Link SECOND_LINK = new IntegrityChain.Link("FundsPledged", "1",
            LocalDate.parse("2021-07-01"), "officer", IntegrityChain.parse(("{\"commitmentId\":\"us-mx-2021-hled\","
                    + "\"pledgeId\":\"hled-support\",\"amount\":{\"value\":250000.00,\"currency\":\"USD\"},"
                    + "\"occurredOn\":\"2021-07-01\",\"note\":null}").getBytes(StandardCharsets.UTF_8)));

    @BeforeAll
    static void readThePage() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "integrity.md"));
        Matcher matcher = EXAMPLE.matcher(page);
        while (matcher.find()) {
            examples.put(matcher.group(1), matcher.group(2));
        }
        assertThat(examples).containsKeys("chain-text-1", "chain-hash-1", "chain-text-2", "chain-hash-2", "leaf-1",
                "leaf-hash-1", "leaf-hash-2", "node", "checkpoint", "verifier-key");
    }

    private static String firstHash() {
        return IntegrityChain.hashV2(IntegrityChain.GENESIS, FIRST, FIRST_LINK);
    }

    private static String secondHash() {
        return IntegrityChain.hashV2(firstHash(), SECOND, SECOND_LINK);
    }

    private static LogLeaf leaf(IntegrityChain.Identity identity, String hash) {
        return new LogLeaf(identity.eventId(), identity.commitmentId(), identity.version(), identity.recordedAt(), hash);
    }

    @Test
    void chainLinks() {
        assertThat(IntegrityChain.textV2(IntegrityChain.GENESIS, FIRST, FIRST_LINK)).isEqualTo(examples.get("chain-text-1"));
        assertThat(firstHash()).isEqualTo(examples.get("chain-hash-1"))
                .isEqualTo(IntegrityChain.sha256(examples.get("chain-text-1")));
        assertThat(IntegrityChain.textV2(firstHash(), SECOND, SECOND_LINK)).isEqualTo(examples.get("chain-text-2"));
        assertThat(secondHash()).isEqualTo(examples.get("chain-hash-2"));
    }

    @Test
    void leaves() {
        LogLeaf first = leaf(FIRST, firstHash());
        assertThat(new String(first.bytes(), StandardCharsets.UTF_8)).isEqualTo(examples.get("leaf-1") + "\n");
        assertThat(HEX.formatHex(first.hash())).isEqualTo(examples.get("leaf-hash-1"));
        assertThat(HEX.formatHex(leaf(SECOND, secondHash()).hash())).isEqualTo(examples.get("leaf-hash-2"));
    }

    @Test
    void node() {
        byte[] node = MerkleTree.nodeHash(HEX.parseHex(examples.get("leaf-hash-1")), HEX.parseHex(examples.get("leaf-hash-2")));
        assertThat(HEX.formatHex(node)).isEqualTo(examples.get("node"));
        MerkleTree.InMemory tree = new MerkleTree.InMemory();
        tree.append(leaf(FIRST, firstHash()).hash());
        tree.append(leaf(SECOND, secondHash()).hash());
        assertThat(tree.root(2)).isEqualTo(node);
    }

    @Test
    void checkpoint() {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) i;
        }
        Ed25519Keys.SigningKey key = Ed25519Keys.fromSeed(seed);
        String origin = "example.org/commitment-tracker";
        Checkpoint checkpoint = new Checkpoint(origin, 2, HEX.parseHex(examples.get("node")));

        assertThat(SignedNote.sign(checkpoint.text(), origin, key.privateKey(), key.publicKey()))
                .isEqualTo(examples.get("checkpoint") + "\n");
        SignedNote.VerifierKey verifierKey = SignedNote.VerifierKey.of(origin, key.publicKey());
        assertThat(verifierKey.toString()).isEqualTo(examples.get("verifier-key"));
        assertThat(SignedNote.open(examples.get("checkpoint") + "\n", SignedNote.VerifierKey.parse(examples.get("verifier-key")))
                .map(Checkpoint::parse)).contains(checkpoint);
    }
}
