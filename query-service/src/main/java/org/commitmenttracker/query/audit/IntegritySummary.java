package org.commitmenttracker.query.audit;

import java.util.List;

/**
 * The answer of {@code GET /api/integrity}: how many commitments were checked and which fail,
 * and the log's integrity; valid when every chain and the log hold. {@code log} is null on an
 * instance with the log switched off ({@code tracker.log.enabled=false}).
 */
public record IntegritySummary(long checked, List<String> failed, boolean valid, LogIntegrity log) {
}
