package org.commitmenttracker.query.audit;

/**
 * The answer of {@code GET /api/commitments/{id}/integrity}: the chain recomputed over the stored
 * {@code events}; {@code headHash} is the stored hash of the last one, which an auditor can keep
 * to notice later that events were cut off the end; {@code firstInvalidVersion} is null when valid.
 */
public record IntegrityReport(String commitmentId, long events, boolean valid, String headHash,
                              Long firstInvalidVersion) {
}
