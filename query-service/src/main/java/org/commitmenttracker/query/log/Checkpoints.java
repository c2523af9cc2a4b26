package org.commitmenttracker.query.log;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every signed checkpoint of the log ({@code query.log_checkpoint}), by tree size. */
@Repository
public class Checkpoints {

    /** One checkpoint: its tree size, root hash and the signed note as served. */
    public record Signed(long treeSize, byte[] rootHash, String note, Instant signedAt) {
    }

    private final JdbcClient jdbc;

    Checkpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Signed> newest() {
        return jdbc.sql("SELECT tree_size, root_hash, note, signed_at FROM query.log_checkpoint "
                        + "ORDER BY tree_size DESC LIMIT 1")
                .query((rs, row) -> read(rs))
                .optional();
    }

    public long newestSize() {
        return jdbc.sql("SELECT COALESCE(MAX(tree_size), 0) FROM query.log_checkpoint").query(Long.class).single();
    }

    /** The checkpoints of tree size {@code from} or more, oldest first, at most {@code limit}. */
    public List<Signed> from(long from, int limit) {
        return jdbc.sql("SELECT tree_size, root_hash, note, signed_at FROM query.log_checkpoint "
                        + "WHERE tree_size >= ? ORDER BY tree_size LIMIT ?")
                .params(from, limit)
                .query((rs, row) -> read(rs))
                .list();
    }

    /** Stores a checkpoint; another instance may have signed the same size already (the same note). */
    void add(long treeSize, byte[] rootHash, String note, Instant signedAt) {
        jdbc.sql("INSERT INTO query.log_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (tree_size) DO NOTHING")
                .params(treeSize, rootHash, note, Timestamp.from(signedAt))
                .update();
    }

    private static Signed read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Signed(rs.getLong("tree_size"), rs.getBytes("root_hash"), rs.getString("note"),
                rs.getTimestamp("signed_at").toInstant());
    }
}
