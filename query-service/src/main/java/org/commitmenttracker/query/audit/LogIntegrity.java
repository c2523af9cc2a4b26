package org.commitmenttracker.query.audit;

/**
 * The log's part of {@code GET /api/integrity}: whether the events in feed order still make the
 * leaves the log holds and the tree every checkpoint signed. {@code firstInvalidPosition} is the
 * first feed position whose event no longer makes its leaf, or is missing.
 */
public record LogIntegrity(long events, long treeSize, long checkpointSize, boolean valid, Long firstInvalidPosition,
                           String problem) {
}
