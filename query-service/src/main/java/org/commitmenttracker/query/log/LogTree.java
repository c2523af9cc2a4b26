package org.commitmenttracker.query.log;

import org.commitmenttracker.events.log.MerkleTree;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The log's Merkle tree in {@code query.log_node} (V30): every complete subtree's hash. The feed
 * processor appends each event's leaf beside its feed row, in the same transaction, so leaf
 * {@code P - 1} is always the event at feed position {@code P}.
 */
@Repository
public class LogTree {

    private final JdbcClient jdbc;

    LogTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of leaves. */
    public long size() {
        return jdbc.sql("SELECT COALESCE(MAX(idx) + 1, 0) FROM query.log_node WHERE level = 0").query(Long.class).single();
    }

    /**
     * Appends leaf {@code index}: its row, then one row per subtree it completes, each hashed
     * from the left sibling already stored. O(log n) rows at worst, two on average.
     */
    public void append(long index, byte[] leafHash) {
        insert(0, index, leafHash);
        byte[] hash = leafHash;
        int level = 0;
        long idx = index;
        while ((idx & 1) == 1) {
            byte[] left = node(level, idx - 1);
            hash = MerkleTree.nodeHash(left, hash);
            level++;
            idx >>= 1;
            insert(level, idx, hash);
        }
    }

    /** MTH of the first {@code size} leaves. */
    public byte[] root(long size) {
        return read(nodes -> MerkleTree.root(nodes, size), nodes -> MerkleTree.root(nodes, size));
    }

    public List<byte[]> inclusionProof(long index, long size) {
        return read(nodes -> MerkleTree.inclusionProof(nodes, index, size),
                nodes -> MerkleTree.inclusionProof(nodes, index, size));
    }

    public List<byte[]> consistencyProof(long first, long second) {
        return read(nodes -> MerkleTree.consistencyProof(nodes, first, second),
                nodes -> MerkleTree.consistencyProof(nodes, first, second));
    }

    /** The leaf hashes from leaf {@code from} on, at most {@code limit}, in order. */
    public List<byte[]> leaves(long from, int limit) {
        return jdbc.sql("SELECT hash FROM query.log_node WHERE level = 0 AND idx >= ? ORDER BY idx LIMIT ?")
                .params(from, limit)
                .query((rs, row) -> rs.getBytes(1))
                .list();
    }

    /**
     * Runs an algorithm of {@link MerkleTree} on the stored nodes, reading all it needs in one
     * query: its reads depend on the sizes alone, so a first dry run names them.
     */
    private <T> T read(Consumer<MerkleTree.Nodes> dryRun, Function<MerkleTree.Nodes, T> algorithm) {
        Set<MerkleTree.NodeKey> keys = MerkleTree.nodesRead(dryRun);
        Map<MerkleTree.NodeKey, byte[]> nodes = new HashMap<>();
        if (!keys.isEmpty()) {
            List<Short> levels = new ArrayList<>();
            List<Long> indexes = new ArrayList<>();
            keys.forEach(key -> {
                levels.add((short) key.level());
                indexes.add(key.index());
            });
            jdbc.sql("""
                            SELECT n.level, n.idx, n.hash FROM query.log_node n
                            JOIN unnest(CAST(:levels AS SMALLINT[]), CAST(:indexes AS BIGINT[])) AS k(level, idx)
                              ON n.level = k.level AND n.idx = k.idx""")
                    .param("levels", levels.toArray(Short[]::new))
                    .param("indexes", indexes.toArray(Long[]::new))
                    .query((rs, row) -> nodes.put(new MerkleTree.NodeKey(rs.getInt(1), rs.getLong(2)), rs.getBytes(3)))
                    .list();
        }
        return algorithm.apply((level, index) -> {
            byte[] hash = nodes.get(new MerkleTree.NodeKey(level, index));
            if (hash == null) {
                throw new IllegalStateException("the log has no node " + level + "/" + index);
            }
            return hash;
        });
    }

    private byte[] node(int level, long index) {
        return jdbc.sql("SELECT hash FROM query.log_node WHERE level = ? AND idx = ?")
                .params(level, index)
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("the log has no node " + level + "/" + index));
    }

    private void insert(int level, long index, byte[] hash) {
        jdbc.sql("INSERT INTO query.log_node (level, idx, hash) VALUES (?, ?, ?)")
                .params(level, index, hash)
                .update();
    }
}
