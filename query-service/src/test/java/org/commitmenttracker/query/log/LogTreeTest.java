package org.commitmenttracker.query.log;

import org.commitmenttracker.events.log.Checkpoint;
import org.commitmenttracker.events.log.Ed25519Keys;
import org.commitmenttracker.events.log.MerkleTree;
import org.commitmenttracker.events.log.SignedNote;
import org.commitmenttracker.query.ReadModelDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log's tree as PostgreSQL keeps it: grown one leaf at a time, it has the heads of RFC 9162's
 * reference tree (transparency-dev/merkle, proof/verify_test.go) and gives the proofs an
 * in-memory tree gives; each leaf adds only the rows of the subtrees it completes.
 */
class LogTreeTest {

    private static final String[] REFERENCE_LEAVES = {"", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
    private static final String[] REFERENCE_ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
    private static final HexFormat HEX = HexFormat.of();

    private ReadModelDatabase database;

    /** The service's role may only add to the log: each test gets a database of its own. */
    @BeforeEach
    void createDatabase() {
        database = ReadModelDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private long rows() {
        return database.jdbc.sql("SELECT count(*) FROM query.log_node").query(Long.class).single();
    }

    @Test
    void grownLeafByLeafItHasTheReferenceHeadsAndStoresOnlyCompletedSubtrees() {
        LogTree tree = new LogTree(database.jdbc);
        for (int i = 0; i < REFERENCE_LEAVES.length; i++) {
            long before = rows();
            int index = i;
            database.inTransaction(() -> tree.append(index, MerkleTree.leafHash(HEX.parseHex(REFERENCE_LEAVES[index]))));
            // the leaf, and one row per subtree it completes: as many as its index has trailing ones
            assertThat(rows() - before).isEqualTo(1 + Long.numberOfTrailingZeros(~(long) i));
            assertThat(tree.size()).isEqualTo(i + 1);
            for (int size = 1; size <= i + 1; size++) {
                assertThat(HEX.formatHex(tree.root(size))).isEqualTo(REFERENCE_ROOTS[size - 1]);
            }
        }
    }

    @Test
    void proofsAreThoseOfTheTreeInMemoryAndVerify() {
        LogTree tree = new LogTree(database.jdbc);
        MerkleTree.InMemory memory = new MerkleTree.InMemory();
        database.inTransaction(() -> {
            for (int i = 0; i < 77; i++) {
                byte[] leaf = MerkleTree.leafHash(("event " + i).getBytes(StandardCharsets.UTF_8));
                tree.append(i, leaf);
                memory.append(leaf);
            }
        });
        for (long size : new long[]{1, 2, 3, 31, 32, 33, 64, 76, 77}) {
            byte[] root = tree.root(size);
            assertThat(root).isEqualTo(memory.root(size));
            for (long index = 0; index < size; index += 7) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                assertThat(hex(proof)).isEqualTo(hex(MerkleTree.inclusionProof(memory, index, size)));
                assertThat(MerkleTree.verifyInclusion(index, size, memory.node(0, index), proof, root)).isTrue();
            }
            for (long first = 1; first <= size; first += 5) {
                List<byte[]> proof = tree.consistencyProof(first, size);
                assertThat(hex(proof)).isEqualTo(hex(MerkleTree.consistencyProof(memory, first, size)));
                assertThat(MerkleTree.verifyConsistency(first, size, memory.root(first), root, proof)).isTrue();
            }
        }
    }

    @Test
    void theSignerSignsAGrownTreeOnceAsAVerifiableCheckpoint() {
        LogTree tree = new LogTree(database.jdbc);
        Checkpoints checkpoints = new Checkpoints(database.jdbc);
        Ed25519Keys.SigningKey signingKey = Ed25519Keys.generate();
        LogSigningKey key = new LogSigningKey("test.example/log", Ed25519Keys.toPem(signingKey.privateKey()), "");
        CheckpointSigner signer = new CheckpointSigner(tree, checkpoints, key, Clock.systemUTC(), new LogSwitch(true),
                Duration.ofHours(1));
        try {
            assertThat(signer.signIfGrown()).as("an empty log signs nothing").isZero();
            database.inTransaction(() -> {
                for (int i = 0; i < 5; i++) {
                    tree.append(i, MerkleTree.leafHash(new byte[]{(byte) i}));
                }
            });

            assertThat(signer.signIfGrown()).isEqualTo(5);
            assertThat(signer.signIfGrown()).as("nothing new, nothing signed").isZero();

            String note = checkpoints.newest().orElseThrow().note();
            SignedNote.VerifierKey verifierKey = SignedNote.VerifierKey.parse(key.verifierKey().toString());
            assertThat(verifierKey.publicKey()).isEqualTo(signingKey.publicKey());
            Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(note, verifierKey).orElseThrow());
            assertThat(checkpoint.origin()).isEqualTo("test.example/log");
            assertThat(checkpoint.size()).isEqualTo(5);
            assertThat(checkpoint.rootHash()).isEqualTo(tree.root(5));
            assertThat(SignedNote.open(note, SignedNote.VerifierKey.of("test.example/log",
                    Ed25519Keys.generate().publicKey()))).as("another key's verifier").isEmpty();
        } finally {
            signer.stop();
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
