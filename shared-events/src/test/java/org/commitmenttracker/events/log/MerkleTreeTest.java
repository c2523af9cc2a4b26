package org.commitmenttracker.events.log;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RFC 9162 section 2.1 against published vectors: the reference tree of 8 leaves used by the
 * Certificate Transparency implementations, as given in transparency-dev/merkle,
 * {@code proof/verify_test.go} (commit 02194e9afb6c1d95b5381350007963aa70fff472; the same values
 * are in google/certificate-transparency-go's merkletree tests): its leaves, the roots of every
 * prefix, and the inclusion and consistency proofs listed there.
 */
class MerkleTreeTest {

    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};

    /** MTH of the first 1..8 leaves. */
    private static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    /** {leaf index (0-based), tree size, proof...}: the vectors' inclusionProofs (given there 1-based). */
    private static final Object[][] INCLUSION = {
            {0L, 1L},
            {0L, 8L, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"},
            {5L, 8L, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"},
            {2L, 3L, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"},
            {1L, 5L, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}};

    /** {first size, second size, proof...}: the vectors' consistencyProofs. */
    private static final Object[][] CONSISTENCY = {
            {1L, 1L},
            {1L, 8L, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"},
            {6L, 8L, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"},
            {2L, 5L, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"},
            {6L, 7L, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}};

    private static final HexFormat HEX = HexFormat.of();

    private static MerkleTree.InMemory tree() {
        MerkleTree.InMemory tree = new MerkleTree.InMemory();
        for (String leaf : LEAVES) {
            tree.append(MerkleTree.leafHash(HEX.parseHex(leaf)));
        }
        return tree;
    }

    private static byte[] root(int size) {
        return HEX.parseHex(ROOTS[size - 1]);
    }

    private static List<byte[]> proof(Object[] vector) {
        List<byte[]> proof = new ArrayList<>();
        for (int i = 2; i < vector.length; i++) {
            proof.add(HEX.parseHex((String) vector[i]));
        }
        return proof;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    @Test
    void headOfEveryPrefixOfTheReferenceTreeIsThePublishedRoot() {
        MerkleTree.InMemory tree = tree();
        for (int size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("MTH of %d leaves", size).isEqualTo(ROOTS[size - 1]);
        }
        assertThat(HEX.formatHex(MerkleTree.root(tree, 0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void theFrontierHasTheSameHeadsInLogarithmicMemory() {
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        assertThat(frontier.root()).isEqualTo(MerkleTree.EMPTY_ROOT);
        for (int i = 0; i < LEAVES.length; i++) {
            frontier.append(MerkleTree.leafHash(HEX.parseHex(LEAVES[i])));
            assertThat(HEX.formatHex(frontier.root())).isEqualTo(ROOTS[i]);
        }
    }

    @Test
    void inclusionProofsAreThePublishedOnesAndVerify() {
        MerkleTree.InMemory tree = tree();
        for (Object[] vector : INCLUSION) {
            long index = (Long) vector[0];
            long size = (Long) vector[1];
            List<byte[]> expected = proof(vector);
            assertThat(hex(MerkleTree.inclusionProof(tree, index, size))).as("PATH(%d, D[%d])", index, size)
                    .isEqualTo(hex(expected));
            byte[] leaf = MerkleTree.leafHash(HEX.parseHex(LEAVES[(int) index]));
            assertThat(MerkleTree.verifyInclusion(index, size, leaf, expected, root((int) size))).isTrue();
        }
    }

    @Test
    void everyInclusionProofOfEveryTreeSizeVerifiesAndNoCorruptionOfItDoes() {
        MerkleTree.InMemory tree = tree();
        for (long size = 1; size <= 8; size++) {
            for (long index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(tree, index, size);
                byte[] leaf = tree.node(0, index);
                byte[] root = root((int) size);
                assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof, root)).isTrue();
                // the corruptions transparency-dev/merkle probes
                assertThat(MerkleTree.verifyInclusion(index + 1, size, leaf, proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(index, size * 2, leaf, proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(index, size, MerkleTree.EMPTY_ROOT, proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof, MerkleTree.EMPTY_ROOT)).isFalse();
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(MerkleTree.verifyInclusion(index, size, leaf, longer, root)).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> flipped = new ArrayList<>(proof);
                    byte[] copy = flipped.get(i).clone();
                    copy[0] ^= 8;
                    flipped.set(i, copy);
                    assertThat(MerkleTree.verifyInclusion(index, size, leaf, flipped, root)).isFalse();
                }
                if (!proof.isEmpty()) {
                    assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void consistencyProofsAreThePublishedOnesAndVerify() {
        MerkleTree.InMemory tree = tree();
        for (Object[] vector : CONSISTENCY) {
            long first = (Long) vector[0];
            long second = (Long) vector[1];
            List<byte[]> expected = proof(vector);
            assertThat(hex(MerkleTree.consistencyProof(tree, first, second))).as("PROOF(%d, D[%d])", first, second)
                    .isEqualTo(hex(expected));
            assertThat(MerkleTree.verifyConsistency(first, second, root((int) first), root((int) second), expected))
                    .isTrue();
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndNoCorruptionOfItDoes() {
        MerkleTree.InMemory tree = tree();
        for (long second = 1; second <= 8; second++) {
            for (long first = 1; first < second; first++) {
                List<byte[]> proof = MerkleTree.consistencyProof(tree, first, second);
                byte[] root1 = root((int) first);
                byte[] root2 = root((int) second);
                assertThat(MerkleTree.verifyConsistency(first, second, root1, root2, proof)).isTrue();
                assertThat(MerkleTree.verifyConsistency(first, second, root2, root1, proof)).isFalse();
                assertThat(MerkleTree.verifyConsistency(first, second, root1, root2, List.of())).isFalse();
                assertThat(MerkleTree.verifyConsistency(first + 1, second, root1, root2, proof)).isFalse();
                assertThat(MerkleTree.verifyConsistency(first, second * 2, root1, root2, proof)).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> flipped = new ArrayList<>(proof);
                    byte[] copy = flipped.get(i).clone();
                    copy[0] ^= 16;
                    flipped.set(i, copy);
                    assertThat(MerkleTree.verifyConsistency(first, second, root1, root2, flipped)).isFalse();
                }
                assertThat(MerkleTree.verifyConsistency(first, second, root1, root2,
                        proof.subList(0, proof.size() - 1))).isFalse();
            }
        }
    }

    @Test
    void edgeCasesOfConsistency() {
        byte[] root1 = root(1);
        assertThat(MerkleTree.verifyConsistency(0, 5, MerkleTree.EMPTY_ROOT, root(5), List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(1, 1, root1, root1, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(1, 1, root1, root(2), List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 1, root(2), root1, List.of())).isFalse();
        assertThatThrownBy(() -> MerkleTree.consistencyProof(tree(), 3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.inclusionProof(tree(), 3, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHeadOfAnyTreeReadsLogarithmicallyManyNodes() {
        long size = (1L << 40) - 1;
        assertThat(MerkleTree.nodesRead(nodes -> MerkleTree.root(nodes, size))).hasSize(40);
        assertThat(MerkleTree.nodesRead(nodes -> MerkleTree.inclusionProof(nodes, 12345, size)).size())
                .isLessThanOrEqualTo(40 * 40);
    }
}
