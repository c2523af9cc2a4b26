package org.commitmenttracker.events.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Merkle tree of RFC 9162, section 2.1, with SHA-256: the tree head, inclusion proofs
 * (PATH), consistency proofs (PROOF / SUBPROOF) and their verification (2.1.3.2, 2.1.4.2).
 *
 * <p>The algorithms read the tree through {@link Nodes}: the hashes of its complete subtrees,
 * node {@code (level, index)} covering leaves {@code [index * 2^level, (index + 1) * 2^level)}.
 * Every subtree the RFC's recursion splits off on the left is such a complete subtree, so the
 * head of any tree size and any proof need O(log n) of them (and O(log^2 n) for the right edge
 * of an incomplete tree), never the leaves.
 */
public final class MerkleTree {

    /** The head of the empty tree: SHA-256 of nothing. */
    public static final byte[] EMPTY_ROOT = sha256(new byte[0]);

    private MerkleTree() {
    }

    /** The hash of a complete subtree, stored or computed. */
    @FunctionalInterface
    public interface Nodes {
        byte[] node(int level, long index);
    }

    /** A node named by its level and index, for reading many at once. */
    public record NodeKey(int level, long index) {
    }

    /** {@code SHA-256(0x00 || leaf)}. */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        return digest.digest(leaf);
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    /** MTH(D[0:size]). */
    public static byte[] root(Nodes nodes, long size) {
        return size == 0 ? EMPTY_ROOT.clone() : mth(nodes, 0, size);
    }

    /** PATH(index, D[0:size]): the inclusion proof of leaf {@code index}, from the leaf up. */
    public static List<byte[]> inclusionProof(Nodes nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(nodes, index, 0, size, proof);
        return proof;
    }

    /** PROOF(first, D[0:second]): empty when first is 0 or equals second. */
    public static List<byte[]> consistencyProof(Nodes nodes, long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(nodes, first, 0, second, true, proof);
        }
        return proof;
    }

    /** The nodes that {@link #root}, or the proofs, read: the algorithms never branch on a hash. */
    public static Set<NodeKey> nodesRead(java.util.function.Consumer<Nodes> algorithm) {
        Set<NodeKey> keys = new LinkedHashSet<>();
        algorithm.accept((level, index) -> {
            keys.add(new NodeKey(level, index));
            return new byte[32];
        });
        return keys;
    }

    /** RFC 9162, 2.1.3.2. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || leafHash == null || root == null) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || p == null || p.length != 32) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162, 2.1.4.2, with the cases it leaves to the caller: equal sizes and an empty first tree. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 0 || first > second || firstRoot == null || secondRoot == null) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0 || c == null || c.length != 32) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** MTH(D[start:start+n]) for n >= 1. */
    private static byte[] mth(Nodes nodes, long start, long n) {
        if (Long.bitCount(n) == 1) {
            // a left part of the recursion: complete, and aligned to its own size
            return nodes.node(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = Long.highestOneBit(n - 1);
        return nodeHash(mth(nodes, start, k), mth(nodes, start + k, n - k));
    }

    private static void path(Nodes nodes, long m, long start, long n, List<byte[]> proof) {
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(nodes, m, start, k, proof);
            proof.add(mth(nodes, start + k, n - k));
        } else {
            path(nodes, m - k, start + k, n - k, proof);
            proof.add(mth(nodes, start, k));
        }
    }

    private static void subproof(Nodes nodes, long m, long start, long n, boolean complete, List<byte[]> proof) {
        if (m == n) {
            if (!complete) {
                proof.add(mth(nodes, start, n));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(nodes, m, start, k, complete, proof);
            proof.add(mth(nodes, start + k, n - k));
        } else {
            subproof(nodes, m - k, start + k, n - k, false, proof);
            proof.add(mth(nodes, start, k));
        }
    }

    /**
     * A tree in memory, grown one leaf at a time: every complete subtree is kept, as the
     * database keeps them, so appending costs O(log n) and never rereads the leaves.
     */
    public static final class InMemory implements Nodes {

        private final List<List<byte[]>> levels = new ArrayList<>();

        public void append(byte[] leafHash) {
            byte[] hash = leafHash;
            int level = 0;
            while (true) {
                if (levels.size() == level) {
                    levels.add(new ArrayList<>());
                }
                List<byte[]> row = levels.get(level);
                row.add(hash);
                long index = row.size() - 1;
                if ((index & 1) == 0) {
                    return;
                }
                hash = nodeHash(row.get((int) index - 1), hash);
                level++;
            }
        }

        public long size() {
            return levels.isEmpty() ? 0 : levels.get(0).size();
        }

        public byte[] root(long size) {
            return MerkleTree.root(this, size);
        }

        @Override
        public byte[] node(int level, long index) {
            return levels.get(level).get(Math.toIntExact(index));
        }
    }

    /**
     * The right edge of a tree grown leaf by leaf: the heads of its complete subtrees, largest
     * first. O(log n) memory, enough for the head of every size on the way.
     */
    public static final class Frontier {

        private final List<byte[]> subtrees = new ArrayList<>();
        private long size;

        public void append(byte[] leafHash) {
            byte[] hash = leafHash;
            for (long s = size; (s & 1) == 1; s >>= 1) {
                hash = nodeHash(subtrees.remove(subtrees.size() - 1), hash);
            }
            subtrees.add(hash);
            size++;
        }

        public long size() {
            return size;
        }

        /** MTH of the leaves appended so far. */
        public byte[] root() {
            if (size == 0) {
                return EMPTY_ROOT.clone();
            }
            byte[] root = subtrees.get(subtrees.size() - 1);
            for (int i = subtrees.size() - 2; i >= 0; i--) {
                root = nodeHash(subtrees.get(i), root);
            }
            return root;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }
}
