package org.commitmenttracker.query.log;

import org.commitmenttracker.events.integrity.IntegrityChain;
import org.commitmenttracker.events.log.LogLeaf;
import org.commitmenttracker.service.eventstore.EventStoreSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends the leaf of the event at a feed position. A feed that holds positions the tree does not
 * (a database from before the log existed) first gets their leaves, once, from the feed and the
 * event store; after that every event costs O(log n).
 */
@Component
public class LogAppender {

    private static final Logger log = LoggerFactory.getLogger(LogAppender.class);

    private final LogTree tree;
    private final JdbcClient jdbc;
    private final LogSwitch logSwitch;

    LogAppender(LogTree tree, JdbcClient jdbc, LogSwitch logSwitch) {
        this.tree = tree;
        this.jdbc = jdbc;
        this.logSwitch = logSwitch;
    }

    /** Does nothing on an instance with the log switched off ({@link LogSwitch}). */
    public void append(long position, LogLeaf leaf) {
        if (!logSwitch.on()) {
            return;
        }
        long size = tree.size();
        if (size >= position) {
            return;
        }
        if (size < position - 1) {
            catchUp(size, position - 1);
        }
        tree.append(position - 1, leaf.hash());
    }

    /** The leaves of positions {@code size + 1 .. upTo}, in order. */
    private void catchUp(long size, long upTo) {
        log.info("The log's tree holds {} leaves, the feed {}: appending the missing leaves", size, upTo);
        long[] next = {size};
        jdbc.sql("SELECT f.position, f.event_id, f.commitment_id, f.sequence, f.recorded_at, e.meta_data "
                        + "FROM query.feed_event f LEFT JOIN " + EventStoreSchema.EVENT_TABLE
                        + " e ON e.event_identifier = f.event_id "
                        + "WHERE f.position > ? AND f.position <= ? ORDER BY f.position")
                .params(size, upTo)
                .query(rs -> {
                    long position = rs.getLong("position");
                    if (position != next[0] + 1) {
                        throw new IllegalStateException("the feed has no position " + (next[0] + 1));
                    }
                    byte[] metaData = rs.getBytes("meta_data");
                    String chainHash = null;
                    if (metaData != null) {
                        var hash = IntegrityChain.parse(metaData).get("hash");
                        chainHash = hash == null || hash.isNull() ? null : hash.asText();
                    }
                    tree.append(position - 1, new LogLeaf(rs.getString("event_id"), rs.getString("commitment_id"),
                            rs.getLong("sequence"), rs.getTimestamp("recorded_at").toInstant(), chainHash).hash());
                    next[0] = position;
                });
        if (next[0] != upTo) {
            throw new IllegalStateException("the feed has no position " + (next[0] + 1));
        }
    }
}
