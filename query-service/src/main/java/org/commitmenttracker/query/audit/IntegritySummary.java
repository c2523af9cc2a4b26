package org.commitmenttracker.query.audit;

import java.util.List;

/** The answer of {@code GET /api/integrity}: how many commitments were checked and which fail. */
public record IntegritySummary(long checked, List<String> failed, boolean valid) {
}
